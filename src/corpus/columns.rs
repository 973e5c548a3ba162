//! Which column of a CSV/TSV header, or which field of the first JSON object, feeds each part of
//! a [`Document`](super::Document): names given with `--*-col` win, otherwise common names are
//! recognised case-insensitively.
//!
//! Not for reading values: the format readers look values up at the positions resolved here.

use super::{CorpusError, ReadOptions};

/// What a column is used for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Text,
    Id,
    Date,
    Source,
    Title,
    Keep,
}

impl Role {
    fn label(self) -> &'static str {
        match self {
            Role::Text => "text",
            Role::Id => "id",
            Role::Date => "date",
            Role::Source => "source",
            Role::Title => "title",
            Role::Keep => "kept",
        }
    }

    fn flag(self) -> &'static str {
        match self {
            Role::Text => "--text-col",
            Role::Id => "--id-col",
            Role::Date => "--date-col",
            Role::Source => "--source-col",
            Role::Title => "--title-col",
            Role::Keep => "--keep-cols",
        }
    }

    /// Header names recognised without a `--*-col` option, best first.
    fn common_names(self) -> &'static [&'static str] {
        match self {
            Role::Text => &["text", "body", "content", "article"],
            Role::Id => &["id", "url"],
            Role::Date => &["date", "published", "published_at", "timestamp"],
            Role::Source => &["source", "outlet", "domain", "publisher"],
            Role::Title => &["title", "headline"],
            Role::Keep => &[],
        }
    }
}

/// Positions, in the list of names given to [`resolve`], of the columns a reader uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Columns {
    pub(crate) text: usize,
    pub(crate) id: Option<usize>,
    pub(crate) date: Option<usize>,
    pub(crate) source: Option<usize>,
    pub(crate) title: Option<usize>,
    pub(crate) keep: Vec<usize>,
}

/// Resolves the columns to use among `names` (a header, or the fields of a first JSON object),
/// found on `line` of `file`.
///
/// A name given explicitly must match exactly, or failing that case-insensitively; a common name
/// matches case-insensitively, and an exact spelling wins over other spellings. A name that
/// matches several columns is an error only because we would use it.
pub(crate) fn resolve(
    names: &[String],
    opts: &ReadOptions,
    file: &str,
    line: u64,
) -> Result<Columns, CorpusError> {
    let header = Header { names, file, line };
    let text = match &opts.text_col {
        Some(name) => header.named(name, Role::Text)?,
        None => header.common(Role::Text, None)?.ok_or_else(|| {
            header.missing(format!(
                "no text column (looked for {} in any case; name one with --text-col)",
                Role::Text.common_names().join(", ")
            ))
        })?,
    };
    // A column picked as the text is not also guessed to be the title (or id, ...).
    let optional = |role: Role, explicit: &Option<String>| match explicit {
        Some(name) => header.named(name, role).map(Some),
        None => header.common(role, Some(text)),
    };
    Ok(Columns {
        text,
        id: optional(Role::Id, &opts.id_col)?,
        date: optional(Role::Date, &opts.date_col)?,
        source: optional(Role::Source, &opts.source_col)?,
        title: optional(Role::Title, &opts.title_col)?,
        keep: opts.keep_cols.iter().map(|name| header.named(name, Role::Keep)).collect::<Result<_, _>>()?,
    })
}

/// The names to resolve against, and where they were found, for error messages.
struct Header<'a> {
    names: &'a [String],
    file: &'a str,
    line: u64,
}

impl Header<'_> {
    fn named(&self, name: &str, role: Role) -> Result<usize, CorpusError> {
        self.find(name, role, None)?
            .ok_or_else(|| self.missing(format!("no column \"{name}\" (given with {})", role.flag())))
    }

    fn common(&self, role: Role, except: Option<usize>) -> Result<Option<usize>, CorpusError> {
        for name in role.common_names() {
            if let Some(found) = self.find(name, role, except)? {
                return Ok(Some(found));
            }
        }
        Ok(None)
    }

    /// The one column called `wanted` (exactly, else in any case), ignoring `except`.
    fn find(&self, wanted: &str, role: Role, except: Option<usize>) -> Result<Option<usize>, CorpusError> {
        let wanted = wanted.trim();
        let candidates = || {
            self.names
                .iter()
                .enumerate()
                .filter(move |&(i, _)| Some(i) != except)
                .map(|(i, name)| (i, name.trim()))
        };
        let exact = || candidates().filter(|&(_, name)| name == wanted);
        let folded = || candidates().filter(|&(_, name)| name.eq_ignore_ascii_case(wanted));
        let matches = match exact().count() {
            0 => folded().map(|(i, _)| i).collect::<Vec<_>>(),
            _ => exact().map(|(i, _)| i).collect(),
        };
        match matches.as_slice() {
            [] => Ok(None),
            [one] => Ok(Some(*one)),
            several => Err(CorpusError::DuplicateColumn {
                file: self.file.to_string(),
                line: self.line,
                name: wanted.to_string(),
                count: several.len(),
                role: role.label(),
                flag: role.flag(),
            }),
        }
    }

    fn missing(&self, wanted: String) -> CorpusError {
        CorpusError::MissingColumn {
            file: self.file.to_string(),
            line: self.line,
            wanted,
            present: self.names.to_vec(),
        }
    }
}

/// Lists column names for an error message, quoted, at most 40 of them.
pub(crate) fn list_names(names: &[String]) -> String {
    const SHOWN: usize = 40;
    if names.is_empty() {
        return "(none)".to_string();
    }
    let mut list = names.iter().take(SHOWN).map(|name| format!("{name:?}")).collect::<Vec<_>>().join(", ");
    if names.len() > SHOWN {
        list.push_str(&format!(" and {} more", names.len() - SHOWN));
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    fn resolve_with(list: &[&str], opts: &ReadOptions) -> Result<Columns, CorpusError> {
        resolve(&names(list), opts, "news.csv", 1)
    }

    #[test]
    fn common_names_are_recognised_in_any_case() {
        let cols = resolve_with(
            &["URL", "Headline", "Body", "Published_At", "Outlet", "x"],
            &ReadOptions::default(),
        )
        .unwrap();
        assert_eq!(
            cols,
            Columns { text: 2, id: Some(0), date: Some(3), source: Some(4), title: Some(1), keep: vec![] }
        );
    }

    #[test]
    fn earlier_common_name_wins() {
        let cols = resolve_with(&["content", "text", "url", "id"], &ReadOptions::default());
        let cols = cols.unwrap();
        assert_eq!((cols.text, cols.id), (1, Some(3)));
    }

    #[test]
    fn explicit_names_win_and_fall_back_to_any_case() {
        let opts = ReadOptions {
            text_col: Some("Summary".into()),
            date_col: Some("day".into()),
            keep_cols: vec!["lang".into(), "id".into()],
            ..ReadOptions::default()
        };
        let cols = resolve_with(&["id", "text", "summary", "DAY", "lang"], &opts).unwrap();
        assert_eq!((cols.text, cols.date, cols.keep), (2, Some(3), vec![4, 0]));
    }

    #[test]
    fn text_column_is_not_also_guessed_as_title() {
        let opts = ReadOptions { text_col: Some("title".into()), ..ReadOptions::default() };
        let cols = resolve_with(&["title", "headline"], &opts).unwrap();
        assert_eq!((cols.text, cols.title), (0, Some(1)));
    }

    #[test]
    fn missing_text_column_lists_the_columns_present() {
        let err = resolve_with(&["id", "headline"], &ReadOptions::default()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "news.csv:1: no text column (looked for text, body, content, article in any case; \
             name one with --text-col); the columns are: \"id\", \"headline\""
        );
    }

    #[test]
    fn missing_explicit_or_kept_column_is_an_error() {
        for opts in [
            ReadOptions { date_col: Some("pubdate".into()), ..ReadOptions::default() },
            ReadOptions { keep_cols: vec!["pubdate".into()], ..ReadOptions::default() },
        ] {
            let err = resolve_with(&["text", "date"], &opts).unwrap_err();
            let msg = err.to_string();
            assert!(msg.contains("no column \"pubdate\""), "{msg}");
            assert!(msg.contains("\"text\", \"date\""), "{msg}");
        }
    }

    #[test]
    fn duplicate_column_is_fine_unless_used() {
        let ok = resolve_with(&["text", "x", "x"], &ReadOptions::default());
        assert_eq!(ok.unwrap().text, 0);
        let err = resolve_with(&["id", "text", "text"], &ReadOptions::default()).unwrap_err();
        assert!(
            matches!(&err, CorpusError::DuplicateColumn { name, count: 2, .. } if name == "text"),
            "{err}"
        );
        assert!(err.to_string().contains("--text-col"), "{err}");
    }

    #[test]
    fn exact_spelling_wins_over_other_cases() {
        let cols = resolve_with(&["Text", "text"], &ReadOptions::default()).unwrap();
        assert_eq!(cols.text, 1);
        let err = resolve_with(&["Text", "TEXT"], &ReadOptions::default()).unwrap_err();
        assert!(matches!(err, CorpusError::DuplicateColumn { .. }), "{err}");
    }

    #[test]
    fn long_name_lists_are_cut() {
        let many: Vec<String> = (0..45).map(|i| format!("c{i}")).collect();
        assert!(list_names(&many).ends_with("\"c39\" and 5 more"));
        assert_eq!(list_names(&[]), "(none)");
    }
}
