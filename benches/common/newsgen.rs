//! A deterministic generator of news-like articles for benchmarks.
//!
//! Shared by `examples/make_bench_corpus.rs` (which writes corpus files) and `benches/stages.rs`
//! (which builds its input in memory); both include this file with `#[path]`. It is not part of
//! tenor's library API and not a test fixture: the text only has to look like business news to
//! the segmenter, tokenizer and scorer (sentence lengths, abbreviations, amounts, quotes, and a
//! realistic share of evaluative words, hedges, negations and contrasts), so that throughput
//! measured on it carries over to real corpora.
//!
//! Every word list and template below was written for tenor; all companies, people, agencies,
//! outlets and places are invented. The same seed always gives the same articles.

/// SplitMix64 (Steele, Lea and Flood, 2014): tiny, fast, and good enough to pick words; no
/// `rand` dependency needed.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (multiply-shift; the bias is negligible for list sizes).
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 32) * n as u64) >> 32) as usize
    }

    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below((hi - lo + 1) as usize) as u32
    }

    /// True with probability `percent` / 100.
    pub fn percent(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// One generated article. Reuse one value across calls to keep its buffers.
#[derive(Debug, Default)]
pub struct Article {
    /// `<outlet>-<YYYY-MM-DD>-<company>-<number>`.
    pub id: String,
    /// RFC 3339 date-time with a zone, in 2025 or 2026.
    pub date: String,
    pub source: &'static str,
    pub title: String,
    /// Paragraphs of two to four sentences, separated by one line break, so that the text
    /// has no blank line and a blank line can separate articles in a plain-text file.
    pub text: String,
    /// Sentences written into `text`.
    pub sentences: usize,
    /// Words (white-space separated) written into `text`.
    pub words: usize,
}

/// Sentence length bounds, in white-space separated words.
pub const MIN_WORDS: usize = 15;
pub const MAX_WORDS: usize = 30;

/// Article text length bounds, in bytes (the text stops after the paragraph that reaches the
/// drawn target, so articles run a little over).
const MIN_TEXT_BYTES: u32 = 1_900;
const MAX_TEXT_BYTES: u32 = 5_600;

/// Writes articles one after another.
pub struct NewsGenerator {
    rng: Rng,
    count: u64,
    /// The article being written: who it is about and how it quotes.
    cast: Cast,
    sentence: String,
}

/// Names and style fixed for one article, so its sentences talk about the same people.
#[derive(Default)]
struct Cast {
    company: String,
    company_full: String,
    rival: String,
    sector: usize,
    analyst: Person,
    executive: Person,
    firm: &'static str,
    agency: &'static str,
    /// "$", "EUR ", "€" or "£": most amounts in an article are in one currency.
    currency: &'static str,
    /// Curly quotes and apostrophes (as many outlets print them) instead of ASCII ones.
    curly: bool,
    introduced: Introduced,
    /// The last few top-level templates used, not drawn again soon.
    recent: [usize; RECENT_TEMPLATES],
}

/// Templates of the `sentence` rule not reused within this many sentences.
const RECENT_TEMPLATES: usize = 12;

#[derive(Default)]
struct Person {
    title: &'static str,
    first: &'static str,
    last: &'static str,
    pronoun: &'static str,
    role: &'static str,
}

impl Person {
    fn draw(rng: &mut Rng, roles: &[&'static str]) -> Person {
        let (first, title, pronoun) = rng.pick(FIRST_NAMES);
        Person { title, first, last: rng.pick(LAST_NAMES), pronoun, role: rng.pick(roles) }
    }
}

/// Who has been named in full so far: news names a person or company in full once, then
/// shortly.
#[derive(Clone, Copy, Default)]
struct Introduced {
    analyst: bool,
    executive: bool,
}

impl NewsGenerator {
    pub fn new(seed: u64) -> NewsGenerator {
        let cast = Cast { recent: [usize::MAX; RECENT_TEMPLATES], ..Cast::default() };
        NewsGenerator { rng: Rng::new(seed), count: 0, cast, sentence: String::new() }
    }

    /// Writes the next article into `article`.
    pub fn article(&mut self, article: &mut Article) {
        self.count += 1;
        self.new_cast();
        let (outlet, slug) = self.rng.pick(OUTLETS);
        article.source = outlet;

        let (year, month, day) = self.date();
        article.date.clear();
        let hour = self.rng.between(5, 22);
        let minute = self.rng.below(12) * 5;
        let zone = self.rng.pick(ZONES);
        push_fmt(
            &mut article.date,
            format_args!("{year}-{month:02}-{day:02}T{hour:02}:{minute:02}:00{zone}"),
        );
        article.id.clear();
        push_fmt(&mut article.id, format_args!("{slug}-{year}-{month:02}-{day:02}-"));
        article.id.extend(self.cast.company.chars().map(|c| c.to_ascii_lowercase()));
        push_fmt(&mut article.id, format_args!("-{:06}", self.count));

        article.title.clear();
        self.expand_sentence("title", &mut article.title, 6, 14);
        // Headlines carry no final period.
        if article.title.ends_with('.') {
            article.title.pop();
        }

        article.text.clear();
        article.sentences = 0;
        article.words = 0;
        let target = self.rng.between(MIN_TEXT_BYTES, MAX_TEXT_BYTES) as usize;
        let mut first = true;
        while article.text.len() < target {
            if !article.text.is_empty() {
                article.text.push('\n');
            }
            for i in 0..self.rng.between(2, 4) {
                if i > 0 {
                    article.text.push(' ');
                }
                let symbol = if first { "lead" } else { "sentence" };
                first = false;
                let mut sentence = std::mem::take(&mut self.sentence);
                sentence.clear();
                self.expand_sentence(symbol, &mut sentence, MIN_WORDS, MAX_WORDS);
                article.text.push_str(&sentence);
                article.words += sentence.split_ascii_whitespace().count();
                article.sentences += 1;
                self.sentence = sentence;
            }
        }
    }

    fn new_cast(&mut self) {
        let rng = &mut self.rng;
        let sector = rng.below(SECTORS.len());
        let cast = &mut self.cast;
        cast.sector = sector;
        cast.company.clear();
        cast.company.push_str(rng.pick(COMPANY_ROOTS));
        cast.company_full.clear();
        cast.company_full.push_str(&cast.company);
        cast.company_full.push(' ');
        cast.company_full.push_str(rng.pick(SECTORS[sector].suffixes));
        cast.company_full.push(' ');
        cast.company_full.push_str(rng.pick(LEGAL_FORMS));
        cast.rival.clear();
        loop {
            let rival = rng.pick(COMPANY_ROOTS);
            if rival != cast.company {
                cast.rival.push_str(rival);
                break;
            }
        }
        cast.analyst = Person::draw(rng, ANALYST_ROLES);
        if rng.percent(30) {
            cast.analyst.title = "Dr.";
        }
        cast.executive = Person::draw(rng, EXECUTIVE_ROLES);
        cast.introduced = Introduced::default();
        cast.firm = rng.pick(FIRMS);
        cast.agency = rng.pick(AGENCIES);
        cast.currency = rng.pick(&["$", "$", "$", "$", "$", "$", "EUR ", "€", "£"]);
        cast.curly = rng.percent(40);
    }

    /// A day in 2025 or 2026.
    fn date(&mut self) -> (u32, u32, u32) {
        const DAYS: [u32; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        let year = 2025 + self.rng.below(2) as u32;
        let month = self.rng.below(12);
        let day = self.rng.between(1, DAYS[month]);
        (year, month as u32 + 1, day)
    }

    /// Expands `symbol` into `out` as one sentence of `min..=max` words, capitalised; redraws
    /// the (rare) expansions that fall outside the bounds.
    fn expand_sentence(&mut self, symbol: &str, out: &mut String, min: usize, max: usize) {
        let start = out.len();
        let introduced = self.cast.introduced;
        for _ in 0..50 {
            out.truncate(start);
            self.cast.introduced = introduced;
            if symbol == "sentence" {
                self.fresh_sentence(out);
            } else {
                self.symbol(symbol, out);
            }
            let words = out[start..].split_ascii_whitespace().count();
            if (min..=max).contains(&words) {
                break;
            }
        }
        capitalize_first(out, start);
    }

    /// Expands the `sentence` rule with a template not among the recently used ones.
    fn fresh_sentence(&mut self, out: &mut String) {
        let templates = grammar("sentence");
        let mut index = self.rng.below(templates.len());
        while self.cast.recent.contains(&index) {
            index = self.rng.below(templates.len());
        }
        self.cast.recent.rotate_right(1);
        self.cast.recent[0] = index;
        self.expand(templates[index], out);
    }

    /// Expands a template: text with `{symbol}` slots.
    fn expand(&mut self, template: &str, out: &mut String) {
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = open + rest[open..].find('}').expect("template braces are balanced");
            self.symbol(&rest[open + 1..close], out);
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
    }

    /// Expands one symbol: a computed value (names, numbers, dates) or a rule of [`GRAMMAR`].
    fn symbol(&mut self, name: &str, out: &mut String) {
        let curly = self.cast.curly;
        match name {
            "co" => out.push_str(&self.cast.company),
            "co_full" => out.push_str(&self.cast.company_full),
            "rival" => out.push_str(&self.cast.rival),
            "s" => out.push_str(if curly { "’s" } else { "'s" }),
            "lq" => out.push_str(if curly { "“" } else { "\"" }),
            "rq" => out.push_str(if curly { "”" } else { "\"" }),
            "firm" => out.push_str(self.cast.firm),
            "agency" => out.push_str(self.cast.agency),
            // "said Dr. Mira Castell, an analyst at Holloway Securities", later "said Dr. Castell".
            "analyst" if !self.cast.introduced.analyst => {
                self.cast.introduced.analyst = true;
                let p = &self.cast.analyst;
                push_fmt(
                    out,
                    format_args!("{} {} {}, {} at {}", p.title, p.first, p.last, p.role, self.cast.firm),
                );
            }
            "analyst" | "analyst_short" => {
                push_fmt(out, format_args!("{} {}", self.cast.analyst.title, self.cast.analyst.last))
            }
            // "Chief executive Graham Ashdown", later "Mr. Ashdown".
            "exec" if !self.cast.introduced.executive => {
                self.cast.introduced.executive = true;
                let p = &self.cast.executive;
                push_fmt(out, format_args!("{} {} {}", p.role, p.first, p.last));
            }
            "exec" | "exec_short" => {
                push_fmt(out, format_args!("{} {}", self.cast.executive.title, self.cast.executive.last))
            }
            "pronoun" => out.push_str(self.cast.executive.pronoun),
            "small_pct" => push_fmt(out, format_args!("{}.{}%", self.rng.below(3), self.rng.between(1, 9))),
            "product" => out.push_str(self.rng.pick(SECTORS[self.cast.sector].products)),
            "project" => out.push_str(self.rng.pick(SECTORS[self.cast.sector].projects)),
            "pct" => self.percentage(out),
            "amount" => self.amount(out),
            "int" => {
                let n = self.rng.between(2, 95) * 100;
                if n >= 1000 {
                    push_fmt(out, format_args!("{},{:03}", n / 1000, n % 1000));
                } else {
                    push_fmt(out, format_args!("{n}"));
                }
            }
            "year" => out.push_str(self.rng.pick(&["2025", "2026", "2027"])),
            "day_ref" => {
                // AP style: Jan., Feb., Aug., Sept., Oct., Nov. and Dec. are abbreviated before a day.
                let month = self.rng.pick(MONTHS_BEFORE_DAY);
                push_fmt(out, format_args!("{month} {}", self.rng.between(1, 28)));
            }
            _ => {
                let alternatives = grammar(name);
                let template = self.rng.pick(alternatives);
                self.expand(template, out);
            }
        }
    }

    fn percentage(&mut self, out: &mut String) {
        if self.rng.percent(55) {
            push_fmt(out, format_args!("{}.{}%", self.rng.below(25), self.rng.below(10)));
        } else {
            push_fmt(out, format_args!("{}%", self.rng.between(1, 40)));
        }
    }

    /// "$4.2 billion", "$780 million", "EUR 13.1 mn", "€2.3 billion", "£640 million".
    fn amount(&mut self, out: &mut String) {
        let billions = self.rng.percent(30);
        let whole = if billions { self.rng.between(1, 40) } else { self.rng.between(1, 950) };
        let tenth = self.rng.below(10);
        let currency = if self.rng.percent(85) { self.cast.currency } else { "$" };
        let unit = match (currency, billions) {
            ("EUR ", true) => " bn",
            ("EUR ", false) => " mn",
            (_, true) => " billion",
            (_, false) => " million",
        };
        if whole < 100 {
            push_fmt(out, format_args!("{currency}{whole}.{tenth}{unit}"));
        } else {
            push_fmt(out, format_args!("{currency}{whole}{unit}"));
        }
    }
}

fn push_fmt(out: &mut String, args: std::fmt::Arguments<'_>) {
    use std::fmt::Write;
    // Writing into a String cannot fail.
    let _ = out.write_fmt(args);
}

/// Upper-cases the first ASCII letter at or after `start` when only quotes precede it.
fn capitalize_first(out: &mut String, start: usize) {
    let offset = out[start..].find(|c: char| !matches!(c, '"' | '“' | '\''));
    if let Some(offset) = offset {
        let at = start + offset;
        if out.as_bytes()[at].is_ascii_lowercase() {
            // Safe on a char boundary: one ASCII byte replaced by another.
            out[at..at + 1].make_ascii_uppercase();
        }
    }
}

const OUTLETS: &[(&str, &str)] = &[
    ("The Harbour Courier", "courier"),
    ("Meridian Business Wire", "meridian"),
    ("The Northgate Post", "northgate"),
    ("Capital & Commerce Daily", "ccdaily"),
    ("The Westbrook Observer", "observer"),
];

const ZONES: &[&str] = &["Z", "Z", "Z", "-05:00", "-04:00", "+01:00", "+02:00"];

const MONTHS_BEFORE_DAY: &[&str] =
    &["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

const COMPANY_ROOTS: &[&str] = &[
    "Calder",
    "Dunmere",
    "Everholt",
    "Fenwick",
    "Galvane",
    "Harrowby",
    "Istrel",
    "Kestrane",
    "Lumora",
    "Marlowe",
    "Nettleton",
    "Orrin",
    "Pellham",
    "Quinmore",
    "Rosscarn",
    "Selwick",
    "Tamberlin",
    "Ulverdale",
    "Vantor",
    "Wexmoor",
    "Yarrowfield",
    "Zephyra",
    "Brightwell",
    "Corrib",
    "Aldermoor",
    "Brisa",
    "Cobaltine",
    "Delvane",
    "Eskar",
    "Felmont",
];

const LEGAL_FORMS: &[&str] = &["Inc.", "Inc.", "Corp.", "Ltd.", "Holdings", "Group", "plc", "AG"];

struct Sector {
    suffixes: &'static [&'static str],
    products: &'static [&'static str],
    projects: &'static [&'static str],
}

const SECTORS: &[Sector] = &[
    Sector {
        suffixes: &["Systems", "Software", "Semiconductor", "Networks"],
        products: &["cloud services", "AI chips", "data-center hardware", "security software"],
        projects: &["chip plant", "AI platform", "software overhaul", "data-center expansion"],
    },
    Sector {
        suffixes: &["Energy", "Power", "Renewables"],
        products: &["offshore wind projects", "battery storage", "gas turbines", "solar panels"],
        projects: &["wind farm", "hydrogen venture", "grid upgrade", "refinery conversion"],
    },
    Sector {
        suffixes: &["Therapeutics", "Biosciences", "Pharma"],
        products: &["obesity drugs", "cancer treatments", "vaccines", "diagnostic tests"],
        projects: &["late-stage trial", "drug pipeline", "manufacturing site", "licensing deal"],
    },
    Sector {
        suffixes: &["Stores", "Brands", "Retail"],
        products: &["discount groceries", "home furnishings", "sportswear", "online marketplace"],
        projects: &["store refurbishment program", "loyalty scheme", "warehouse network", "e-commerce push"],
    },
    Sector {
        suffixes: &["Motors", "Mobility", "Automotive"],
        products: &["electric trucks", "hybrid cars", "battery modules", "delivery vans"],
        projects: &["battery plant", "electric vehicle program", "robotaxi unit", "assembly line"],
    },
    Sector {
        suffixes: &["Bank", "Financial", "Capital"],
        products: &["mortgages", "small-business loans", "wealth management", "payment services"],
        projects: &["branch closure program", "digital bank", "share buyback", "cost-cutting plan"],
    },
];

/// First names with the courtesy title and pronoun that go with them.
const FIRST_NAMES: &[(&str, &str, &str)] = &[
    ("Mira", "Ms.", "she"),
    ("Tomas", "Mr.", "he"),
    ("Ana", "Ms.", "she"),
    ("Graham", "Mr.", "he"),
    ("Priya", "Ms.", "she"),
    ("Oren", "Mr.", "he"),
    ("Helena", "Ms.", "she"),
    ("Marcus", "Mr.", "he"),
    ("Ingrid", "Ms.", "she"),
    ("Kofi", "Mr.", "he"),
    ("Lucia", "Ms.", "she"),
    ("Declan", "Mr.", "he"),
    ("Sana", "Ms.", "she"),
    ("Ravi", "Mr.", "he"),
    ("Elise", "Ms.", "she"),
    ("Jonah", "Mr.", "he"),
];

const LAST_NAMES: &[&str] = &[
    "Castell", "Reyes", "Lind", "Ashdown", "Okafor", "Varga", "Brannock", "Hollis", "Ilves", "Moreau",
    "Tanaka", "Quist", "Draper", "Sollberg", "Mensah", "Farrow", "Kovac", "Whitlam", "Abara", "Pruett",
];

const ANALYST_ROLES: &[&str] =
    &["an analyst", "a senior analyst", "chief economist", "head of research", "a portfolio manager"];

const EXECUTIVE_ROLES: &[&str] =
    &["Chief executive", "Chief financial officer", "Chairman", "Chief operating officer", "Finance chief"];

const FIRMS: &[&str] = &[
    "Holloway Securities",
    "Greyfield Capital",
    "Corvant Bank",
    "Ashby & Lyle",
    "Brennick Research",
    "Tallis Partners",
    "Marrow Street Advisors",
    "Quillon Economics",
];

const AGENCIES: &[&str] = &[
    "Federal Competition Board",
    "U.S. Energy Council",
    "European Markets Authority",
    "National Statistics Bureau",
    "Office of Fair Markets",
    "Norland Central Bank",
];

/// The grammar: each symbol and its alternatives, drawn with equal probability (an
/// alternative listed twice is drawn twice as often). `{name}` slots expand recursively;
/// the computed symbols (names, numbers, dates) are in [`NewsGenerator::symbol`].
fn grammar(symbol: &str) -> &'static [&'static str] {
    match symbol {
        "title" => &[
            "{co} {period} profit beats forecasts as {product} demand holds up",
            "{co} shares slide after {period} sales miss estimates",
            "Regulator to review {co}{s} {amount} bid for {rival}",
            "Analysts question {co}{s} costly {project}",
            "{co} cuts outlook again as costs mount",
            "{co} returns to profit, lifts dividend",
            "{macro_q} {move} {small_pct} in {month}",
            "Is {co}{s} turnaround for real?",
            "{co} bets {amount} on {product}",
        ],
        "lead" => &[
            "{co_full} said {period} {good_q} {up} {pct} to {amount}, {opt_reason}.",
            "{co_full} said {period} {good_q} {good_down} {pct} to {amount} as {skep_cause}.",
            "{co_full} said on {weekday} that its {bad_q} {down} to {amount} in the {quarter} quarter, {opt_tail}.",
            "{co_full} is reportedly in talks to buy {rival} for about {amount}, a deal that {hedge_modal} {skep_deal_effect}.",
            "The {agency} said on {weekday} it would review {co_full}{s} proposed {amount} takeover of {rival}, a step that {hedge_modal} delay the deal until {month}.",
        ],
        "sentence" => &[
            // Results, movement x quantity.
            "{co} said {period} {good_q} {up} {pct} to {amount}, {opt_reason}.",
            "{co}{s} {bad_q} {down} to {amount} in the {quarter} quarter, from {amount} a year earlier, {opt_tail}.",
            "{co} reported {good_q} of {amount} for the {quarter} quarter, below the {amount} analysts had expected, and warned of {skep_np_plain}.",
            "{good_q_cap} {good_down} {pct} in the {quarter} quarter as {skep_cause}, and {co} cut its full-year forecast for the second time.",
            "{bad_q_cap} {bad_up} to {amount} at the end of {month}, and {co} said it would {neutral_action} to protect its credit rating.",
            // Contrast and concession.
            "Shares of {co} {up} {pct} on {weekday}, but {analyst_group} warned that {skep_claim}.",
            "{opt_claim_cap}; however, {analyst_group} said {skep_claim}.",
            "Despite {skep_np_plain}, {co} said the {project} was {opt_eval} and remained on track for completion in {year}.",
            "While {opt_claim}, {skep_claim}, according to {analyst_group}.",
            "{co} said {period} results were {opt_eval}, although {skep_claim}.",
            // Quotes with attribution.
            "{lq}{opt_quote},{rq} said {analyst}.",
            "{lq}{skep_quote},{rq} said {analyst}.",
            "{lq}{skep_quote},{rq} {analyst_short} said, adding that {hedged_claim}.",
            "{exec} told analysts on a call: {lq}{opt_quote}.{rq}",
            "{analyst_short} called the {project} {skep_np}, but {exec_short} said it was {opt_np} for {co}.",
            // Hedges.
            "{co} {hedge_modal} announce further job cuts as soon as {month}, according to people familiar with the matter, who asked not to be named.",
            "It remains to be seen whether {co} can {opt_goal}, and some investors {skep_action}.",
            "The {project} {hedge_modal} {opt_outcome}, {analyst_group} said, although the timing is still uncertain.",
            "{co} is reportedly considering a sale of its {product} unit, which {hedge_modal} fetch about {amount} in the current market.",
            // Negations.
            "{co} did not change its {period} guidance, and executives said they were not {opt_adj} about a rebound before {month}.",
            "The {agency} said it had found no evidence of wrongdoing but did not rule out a broader review of {co}{s} {product} business.",
            "{analyst_short} said the results were hardly {opt_eval} and that {co} had never explained how it would {opt_goal}.",
            "The plan is not {skep_np}, {exec_short} argued, saying the {project} would {opt_outcome}.",
            // A challenging question.
            "But can {co} really {opt_goal} while {skep_cause_now} and its {bad_q} keeps rising?",
            // Macro and agencies.
            "The {agency} said on {weekday} that {macro_q} {move} {small_pct} in {month}, {macro_comment}.",
            "In the U.S., {macro_q} {move} {small_pct} in {month}, and economists at {firm} said {macro_view}.",
            "Officials at the {agency} said on {day_ref} that {policy_claim}.",
            // Neutral reporting.
            "The company, which employs about {int} people in {count} countries, will report {period} results on {day_ref}.",
            "{co} was founded in {founded} and is based in {city}, where it opened a new headquarters for its {product} business last year.",
            "{exec} joined {co} in {founded_recent} after {count} years at {rival}, where {pronoun} ran the division that makes {product}.",
            "{co} will hold its annual meeting on {day_ref} in {city}, and shareholders will vote on the election of {count} new directors.",
            "The {project} is expected to cost {amount} and will be financed with a mix of cash, bank loans and bonds, the company said.",
        ],
        "period" => &["third-quarter", "fourth-quarter", "first-half", "full-year", "quarterly", "second-quarter"],
        "quarter" => &["first", "second", "third", "fourth"],
        "weekday" => &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
        "month" => &[
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ],
        "count" => &["three", "four", "five", "six", "nine", "12", "14", "20"],
        "founded" => &["1987", "1994", "2003", "2009", "2014", "1972"],
        "founded_recent" => &["2019", "2021", "2022", "2023", "2024"],
        "city" => &["Brackton", "Port Elswyth", "Marrowgate", "Linden Falls", "Kessington", "Aldford"],
        "good_q" => &[
            "revenue", "net income", "operating profit", "profit", "sales", "orders", "bookings", "free cash flow",
            "subscription revenue",
        ],
        "good_q_cap" => &["Revenue", "Net income", "Operating profit", "Sales", "Orders", "Deliveries"],
        "bad_q" => &["net loss", "debt", "costs", "cash burn", "inventories", "operating loss", "net debt"],
        "bad_q_cap" => &["Net debt", "Borrowing costs", "Inventories", "Total debt"],
        "up" => &["rose", "climbed", "jumped", "increased", "grew", "surged", "gained"],
        "bad_up" => &["rose", "climbed", "swelled", "increased", "jumped"],
        "good_down" => &["fell", "declined", "dropped", "slipped", "slumped", "shrank"],
        "down" => &["fell", "declined", "dropped", "narrowed", "shrank", "eased"],
        "move" => &["rose", "fell", "climbed", "dropped", "increased", "declined", "edged up", "edged down"],
        "macro_q" => &[
            "consumer prices", "retail sales", "industrial output", "unemployment", "wholesale inventories",
            "factory orders", "housing starts", "wage growth",
        ],
        "hedge_modal" => &["may", "could", "might", "is likely to", "is expected to", "would probably"],
        "neutral_action" => &["sell assets", "refinance part of its bonds", "suspend its buyback", "raise equity"],
        // Evaluation, optimistic.
        "opt_reason" => &[
            "helped by strong demand for its {product}",
            "as demand for its {product} proved more resilient than expected",
            "beating analyst forecasts for the third straight quarter",
            "thanks to cost savings and healthy pricing",
            "putting the company on track to meet its targets",
            "a performance analysts described as {opt_eval}",
        ],
        "opt_tail" => &[
            "a sign that the turnaround is gaining traction",
            "an encouraging sign for investors",
            "suggesting that its cost cuts are paying off",
            "which analysts called {opt_eval}",
            "well ahead of its own targets",
        ],
        "opt_claim" => &[
            "the order book is at a record high",
            "demand for its {product} remains strong",
            "the company has a healthy balance sheet and a clear strategy",
            "the {project} is ahead of schedule",
            "management has delivered on its promises so far",
        ],
        "opt_claim_cap" => &[
            "The order book is at a record high",
            "Demand for {co}{s} {product} remains strong",
            "The {project} is ahead of schedule and under budget",
        ],
        "opt_eval" => &[
            "encouraging", "impressive", "robust", "better than expected", "remarkably resilient",
            "a welcome surprise", "solid across the board", "a promising start",
        ],
        "opt_adj" => &["confident", "optimistic", "upbeat", "hopeful", "bullish"],
        "opt_np" => &[
            "a bold move", "a smart bet on growth", "a potential game changer", "a turning point",
            "a compelling opportunity", "a major milestone", "a natural strategic fit", "a win for shareholders",
        ],
        "opt_quote" => &[
            "This is a turning point for the business and we are confident about the year ahead",
            "Demand is strong, our margins are improving and the pipeline has never looked better",
            "We see a clear path to profitability and a real opportunity to gain market share",
            "The results show the strategy is working, and the momentum should continue into {year}",
        ],
        "opt_goal" => &[
            "return to profit by {year}",
            "double its market share in {region}",
            "deliver the promised cost savings",
            "turn the {project} into a profitable business",
        ],
        "opt_outcome" => &[
            "boost annual revenue by about {amount}",
            "strengthen its position in {region}",
            "cut costs by {pct} over three years",
            "create about {int} jobs",
        ],
        // Evaluation, skeptical.
        "skep_cause" => &[
            "demand for its {product} weakened",
            "rising costs ate into margins",
            "customers delayed orders amid economic uncertainty",
            "competition from {rival} intensified",
        ],
        "skep_cause_now" => &[
            "demand for its {product} keeps weakening",
            "competition from {rival} is intensifying",
            "customers are delaying orders",
        ],
        "skep_claim" => &[
            "the recovery remains fragile and margins could come under pressure",
            "the valuation looks stretched after a sharp rally",
            "the company faces mounting debt and a difficult market",
            "the {project} is an expensive gamble with no clear payoff",
            "growth may slow sharply once subsidies expire",
            "the targets look overly ambitious",
            "the savings are unlikely to materialize before {year}",
            "risks to the outlook are rising",
        ],
        "skep_eval" => &["disappointing", "worrying", "underwhelming", "hard to justify", "troubling"],
        "skep_np" => &[
            "an expensive gamble", "a risky bet", "a costly distraction", "a long shot", "wishful thinking",
            "a desperate move", "a red flag for investors", "a big question mark",
        ],
        "skep_np_plain" => &[
            "rising costs and weak pricing",
            "slowing demand in {region}",
            "headwinds from tariffs and a stronger dollar",
            "a {skep_eval} quarter",
        ],
        "skep_quote" => &[
            "I am skeptical that the savings will materialize, and the balance sheet leaves little room for error",
            "The numbers do not add up, and investors are right to be worried",
            "It is an expensive bet on a market that may never arrive",
            "There is a lot of hype here and very little evidence that customers will pay",
        ],
        "skep_action" => &[
            "have questioned the cost of the {project}",
            "are betting against the stock",
            "have grown impatient with repeated delays",
        ],
        "skep_deal_effect" => &[
            "load the company with debt",
            "face stiff opposition from regulators",
            "prove hard to integrate",
        ],
        "hedged_claim" => &[
            "the company may need to raise more capital next year",
            "margins could come under pressure if costs keep rising",
            "the deal might face a lengthy regulatory review",
            "a recovery is likely but not guaranteed",
        ],
        // Macro.
        "macro_comment" => &[
            "the strongest reading since {month} {year}",
            "a sign that the economy is cooling faster than expected",
            "reinforcing expectations of a rate cut",
            "a modest improvement that economists said was encouraging",
            "raising fresh concerns about a slowdown",
        ],
        "macro_view" => &[
            "the economy looked resilient despite higher interest rates",
            "the data pointed to a gradual and uneven recovery",
            "inflation remained stubbornly high",
            "a recession was unlikely this year",
        ],
        "policy_claim" => &[
            "the new rules would take effect in {month} and could cost the industry {amount}",
            "they were confident the measures would support growth without fueling inflation",
            "the review was routine and did not signal concern about {co}",
            "interest rates would likely stay on hold for several months",
        ],
        "region" => &["Europe", "the U.S. market", "Asia", "Latin America", "the U.K. market", "China"],
        "analyst_group" => &[
            "analysts at {firm}", "some investors", "economists", "several analysts", "credit analysts at {firm}",
            "{analyst_short}",
        ],
        _ => panic!("unknown grammar symbol {{{symbol}}}"),
    }
}
