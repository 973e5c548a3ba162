//! Neutralising text cells that a spreadsheet would run as a formula.
//!
//! Following OWASP's advice on CSV injection, a text cell whose first non-space character is
//! `=`, `+`, `-` or `@`, or that starts with a tab or carriage return, gets a leading `'` so
//! Excel, LibreOffice and Google Sheets show it as text. Score columns are never passed
//! through here; `--raw-text` turns it off for users who post-process the CSV themselves.

/// Whether `cell` must be neutralised.
pub fn needs_neutralizing(cell: &str) -> bool {
    if cell.starts_with(['\t', '\r']) {
        return true;
    }
    cell.trim_start_matches(' ').starts_with(['=', '+', '-', '@'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_lead_ins_are_caught_with_or_without_leading_spaces() {
        let cases = [
            ("=SUM(A1:A9)", true),
            ("+1", true),
            ("-2+3", true),
            ("@cmd", true),
            ("\tTab", true),
            ("\rCR", true),
            ("  =1+1", true),
            (" @x", true),
            ("Plain text", false),
            ("a=b", false),
            ("", false),
            ("'quoted", false),
            ("2026-01-01", false),
            ("\u{00A0}=x", false),
        ];
        for (cell, expected) in cases {
            assert_eq!(needs_neutralizing(cell), expected, "{cell:?}");
        }
    }
}
