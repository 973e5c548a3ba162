//! The rules that turn a sentence's lexicon matches into its two raw sums.
//!
//! [`apply`] runs once per sentence over the matched slots, left to right, and produces the
//! [`Cue`]s with the weight each finally contributes and the [`Rule`]s that changed it. Each
//! rule is one small piece of this file with its constant beside it; the constants are
//! documented again, with examples, in the README's "How a sentence is scored".
//!
//! 1. **Spillover**: an entry with only a sentiment weight moves stance by
//!    [`SENTIMENT_TO_STANCE`] × its sentiment, and one with only a stance weight moves
//!    sentiment by [`STANCE_TO_SENTIMENT`] × its stance ("gamble" is also a little negative).
//! 2. **Negation**: a negator flips and damps (× [`NEGATION`]) the cues in the next
//!    [`NEGATION_WINDOW`] words of its clause, up to a closing quotation mark (”); two
//!    negators in one scope cancel, unless the
//!    second is "nor" ([`CARRY_ON`]). A negator with weights of its own ("yet to", "failed
//!    to") also counts them, × [`FAILURE`]. One that doubts a clause ("few economists
//!    believe") or quantifies its subject ("not every", [`DENIED_SUBJECT`]) reaches the whole
//!    clause ([`DOUBTED_CLAUSE_WINDOW`] words).
//!    After a negator of frequency ([`RARELY`]: "never", "rarely") a comparative, or a cue
//!    after "this" or "so" ([`DEGREE_WORDS`]), is not flipped but strengthened by
//!    [`RARELY_COMPARATIVE`] ("has rarely looked healthier", "never seen morale this high"),
//!    and it closes the negation's scope.
//! 3. **Boosters and dampeners** scale the next cue within [`MODIFIER_WINDOW`] words by
//!    1 ± their weight; an ALL-CAPS cue in a mixed-case sentence is scaled by
//!    1 + [`CAPS_EMPHASIS`]; each `!` (up to [`MAX_EXCLAMATIONS`]) adds [`EXCLAMATION`] to
//!    the size of both sums.
//! 4. **Contrast**: cues before the last contrast marker ("but") are scaled by
//!    [`BEFORE_CONTRAST`], cues after it by [`AFTER_CONTRAST`] (their stance by
//!    [`STANCE_BEFORE_CONTRAST`] and [`STANCE_AFTER_CONTRAST`]); the clause a concessive
//!    ("although", "despite") opens is scaled by [`CONCEDED`], or by [`OVERCOME`] when the rest
//!    of the sentence has no stance cue of its own ("for all the gloom, ..."). A
//!    [`RESERVATIONS`] marker after a comma in mid-sentence ("X, though Y") works like "but".
//!    When the clause after "but", "yet" or a reservation has at least [`ANSWER_WORDS`] words
//!    and no stance cue, the stance before it turns round ([`Rule::Contradicted`]).
//!    Cues before the last semicolon are scaled by [`BEFORE_TURN`]: the clause after it
//!    usually says what the writer makes of the one before ("Targets are easy; pylons are
//!    hard"). When a clause before it reports a claim ([`SlotKind::Claim`], [`CLAIMS`]: "The
//!    minister calls it a success; ..."), the clause after answers the claim, and the stance
//!    before turns round ([`Rule::Contradicted`]). A subject's relative clause of doubt that
//!    opens the sentence ("Investors who fled", [`refuted_claim`]) is a claim the rest refutes:
//!    its cues count the other way ([`Rule::Refuted`]), as do those of a view dated as past
//!    ("once dismissed as a gimmick", [`past_view`]).
//! 5. **Hedges** are counted and each pulls stance toward skepticism by its weight ×
//!    [`HEDGE_PULL`] (× [`BEFORE_CONTRAST`] before a contrast marker; × [`HEDGES_ALONE`] in a
//!    sentence with no other stance cue, where a lone [`POSSIBILITY`] hedge pulls toward optimism
//!    by × [`POSSIBILITY_ALONE`]: "the wells could supply half the country's power" reports a
//!    prospect); "whether" with an "or" after it in its clause asks an open question, and its
//!    pull and the cues of its question are scaled by [`ALTERNATIVES`]; a cue within
//!    [`HEDGE_WINDOW`] words after a hedge stronger than
//!    [`WEAK_HEDGE`] is scaled by [`HEDGED`] ("could redefine", "whether it pays off"). In a question, optimistic stance (unless
//!    the term is a question itself: "can anything stop") is turned into doubt (× [`QUESTIONED`])
//!    and a question that challenges ("really?") pulls by [`QUESTION_PULL`]; a question with no
//!    stance cue at all is rhetorical and pulls by [`BARE_QUESTION_PULL`], unless a colon
//!    introduces it. A sentence that opens "Another X, another Y" is weary and pulls by
//!    [`REPEATED`].
//! 6. **Direction × quantity**: a movement and a quantity within [`COMPOSE_WINDOW`] words of
//!    one clause ([`SUBJECT_REACH`] for a quantity before the movement; or, for a movement that opens a comma clause — "profit was EUR 11 mn, up
//!    from EUR 8 mn" — within [`LOOKBACK_WINDOW`] words of the clause before, when its own clause
//!    has no quantity nearer — [`CLAUSE_BEFORE`]) compose into one cue of stance ±[`COMPOSED_STANCE`] × intensity and
//!    sentiment ±[`COMPOSED_SENTIMENT`] × intensity: up × good-when-up ("profit rose") and
//!    down × bad-when-up ("losses narrowed") are optimistic, the other two skeptical; a change
//!    of state ("slipped to a net loss", "a loss, down from a profit") counts as the state
//!    reached, whatever the direction. A
//!    quantity that another movement follows within [`SUBJECT_WINDOW`] words is that one's
//!    subject, not an earlier movement's object ("losses narrowed as deposits grew"), unless a
//!    comparative stands right before it and holds it ("fewer errors and faster discharges"); a
//!    quantity after an "and" that ends the movement's phrase (within [`AND_REACH`] words)
//!    starts a new subject ("viewers grew and costs were shared"); a plural possessive after
//!    a movement names whose quantity moved ("cut members' bills" moves the bills); and a
//!    movement never reaches past another movement to a quantity. A movement left without a
//!    quantity whose subject is "they" or "it" (within [`PRONOUN_REACH`] words) moves the
//!    nearest quantity named before the pronoun (within [`ANTECEDENT_WINDOW`] words, any
//!    clause): "sales rose, but adjusted for inflation they fell". An ending movement
//!    ("abated", "is behind us") that finds no quantity ends the evaluative cue before it
//!    ("the crisis abated"): that cue is flipped like a negated one. Two
//!    figures around "compared with" (within [`COMPARISON_WINDOW`] words) give the quantity
//!    before them a direction the same way (not a figure a movement follows, which sizes a
//!    change: "a 3.3 percent increase compared with"), and so does a range after a verb of change
//!    ("went from 61% to 84%", [`RANGE_VERBS`]); a comparative before a benchmark ("faster than
//!    planned", "less than promised") beats or misses expectations. A composed quantity that names its object ("fears
//!    of", "risk of") absorbs the cues of that object within [`OBJECT_WINDOW`] words.
//!    An evaluative cue in the object's place moves as a quantity of its tone ("halted the
//!    decline"); a plain noun there, or a cause marker ("because of", "amid", "after", "as"), keeps
//!    later quantities out; a comparative before a plain noun ("smaller borrowers",
//!    [`ATTRIBUTIVE_REACH`]) and a particle after a movement ("rose above") move nothing.
//!    A quantity heading the subject's noun phrase ([`HEAD_REACH`]) is absorbed with it when of
//!    the same kind ("deaths from heart disease"), and is the subject when of the other kind
//!    ("approval times for building permits").
//!    An evaluative cue that a measure counts ("the number of firms filing for insolvency",
//!    [`MEASURE_REACH`]) is a subject the movement after it moves, as a quantity of its tone;
//!    so is a plural evaluative noun right before a movement that has no object ("approvals in
//!    Poland fell", "hopes rose": [`is_bare_subject`]).
//!    A movement whose object is another movement ("slowed cognitive decline", "reversing two
//!    decades of decline", "halted the slide in the currency") waits for that one to find its
//!    quantity, then moves the result; a fall with no quantity or tone counts as bad news.
//! 7. **Opposed**: a skeptical cue or bad quantity within [`OPPOSED_WINDOW`] words after
//!    "against" or a counter verb ("tackle", "detect") is what is opposed ("a vaccine against
//!    measles", "a test that detects tumours", "helped avoid layoffs"), named, not reported:
//!    it counts the other way at [`OPPOSED`] of its weight (what opposes a bad thing is
//!    good news) and is no quantity to move. A cause ("after", "because") ends the scope, and a
//!    phrase that judges rather than names ("casts doubt on", "is a slogan", "at peak prices":
//!    [`is_judgement_phrase`]) is never opposed.
//! 8. **Neutral entries** ("crisis management", "subject to regulatory approval") only consume
//!    their words: each counts as one plain word and contributes nothing.

use crate::lexicon::{Entry, Kind, Lexicon};
use crate::tokenize::{Token, TokenKind};

/// Stance moved by an entry that has only a sentiment weight, per unit of sentiment.
pub const SENTIMENT_TO_STANCE: f64 = 0.4;
/// Sentiment moved by an entry that has only a stance weight, per unit of stance.
pub const STANCE_TO_SENTIMENT: f64 = 0.5;
/// Factor applied to a negated cue: flips it and damps it ("not a gamble" reads mildly
/// optimistic, not as strongly as "a sure bet").
pub const NEGATION: f64 = -0.7;
/// Negators of frequency: after them a comparative cue is not negated but is a superlative
/// ("has never looked stronger", "rarely been better", "debt has seldom been higher").
pub const RARELY: [&str; 5] = ["never", "rarely", "seldom", "hardly ever", "scarcely ever"];
/// Words of degree before a cue that make it a comparison after a negator of frequency, like a
/// comparative ("has rarely looked this solid", "never seen morale so high").
pub const DEGREE_WORDS: [&str; 2] = ["this", "so"];
/// Extra weight of a comparative after a negator of frequency ("never been better" is more
/// than "better").
pub const RARELY_COMPARATIVE: f64 = 0.3;
/// Negators that carry on a negation rather than negate it again: "neither bold nor
/// promising" denies both, where two ordinary negators in one scope cancel.
pub const CARRY_ON: [&str; 1] = ["nor"];
/// Hedges that doubt what follows and so also negate it, like a negator ("unlikely to win
/// approval", "unlikely to face price spikes"); they still count and pull as hedges.
pub const DOUBTING: [&str; 1] = ["unlikely to"];
/// Words (a matched phrase counts as one) after a negator that it reaches.
pub const NEGATION_WINDOW: u8 = 4;
/// Endings of negators that doubt a whole clause ("few economists believe", "hard to see how",
/// "no evidence that"):
/// what the clause after them claims, however long its subject, is what is doubted.
const DOUBTED_CLAUSE: [&str; 8] =
    [" believe", " expect", " think", " see", " share", " see how", " believes", " that"];
/// Negators that quantify the subject ("not every project", "not all of the trials"): what they
/// deny is the predicate of the clause, however long the subject, so they reach it like a
/// negator of [`DOUBTED_CLAUSE`] ("Not every legacy broadcaster is doomed").
const DENIED_SUBJECT: [&str; 2] = ["not every", "not all"];
/// Words after "whether" within which an "or" makes the question one between alternatives,
/// and over which its cues are weighed by [`ALTERNATIVES`].
pub const WHETHER_REACH: usize = 12;
/// Factor on the pull of such a "whether" and on the cues of its question ("whether the crash
/// was caused by a software bug or a hardware fault").
pub const ALTERNATIVES: f64 = 0.1;
/// Factor on the stance of a cue in a refuted claim ([`refuted_claim`]): it counts the other way.
pub const REFUTED: f64 = -1.0;
/// Verbs of a subject's relative clause that report a doubt or a bet against something: with
/// them the clause is a claim the rest of the sentence refutes ("Investors who fled media stocks
/// may soon discover...", "Those who said it could not be done should visit...").
const REFUTING_VERBS: [&str; 32] = [
    "sold",
    "fled",
    "dumped",
    "abandoned",
    "wrote",
    "written",
    "dismissed",
    "mocked",
    "derided",
    "shorted",
    "bet",
    "betting",
    "panicked",
    "predicted",
    "forecast",
    "declared",
    "said",
    "say",
    "says",
    "think",
    "thinks",
    "thought",
    "believe",
    "believes",
    "believed",
    "insisted",
    "warned",
    "claimed",
    "feared",
    "doubted",
    "expected",
    "called",
];
/// Present participles that make the opening subject a holder of a view the sentence goes on to
/// refute ("Investors cheering the record should ask ...", "Anyone doubting the value of basic
/// research should spend an afternoon ..."). Not "chasing" or "piling": the lexicons already
/// read those as the writer's doubt ("chasing this rally").
const REFUTING_PARTICIPLES: [&str; 20] = [
    "cheering",
    "celebrating",
    "buying",
    "betting",
    "predicting",
    "forecasting",
    "doubting",
    "dismissing",
    "writing",
    "shorting",
    "selling",
    "fleeing",
    "dumping",
    "banking",
    "counting",
    "hoping",
    "expecting",
    "assuming",
    "pricing",
    "cheerleading",
];
/// Adverbs that date a view as past ("once dismissed as a gimmick", "long mocked as relics").
const PAST_VIEW_ADVERBS: [&str; 5] = ["once", "long", "often", "initially", "previously"];
/// Verbs of a view held of something ("dismissed", "seen", "hailed"): dated as past by a
/// [`PAST_VIEW_ADVERBS`] word, the view is one the sentence overturns.
const PAST_VIEW_VERBS: [&str; 22] = [
    "dismissed",
    "mocked",
    "derided",
    "ridiculed",
    "scorned",
    "lampooned",
    "belittled",
    "maligned",
    "written",
    "seen",
    "regarded",
    "considered",
    "branded",
    "labelled",
    "labeled",
    "accused",
    "criticised",
    "criticized",
    "doubted",
    "hailed",
    "touted",
    "billed",
];
/// Subjects whose relative clause is a claim the sentence refutes whatever its verb ("The
/// doom-mongers who forecast a deep recession owe the country an apology").
const DOUBTERS: [&str; 9] = [
    "doom-mongers",
    "doomsayers",
    "doom-sayers",
    "sceptics",
    "skeptics",
    "doubters",
    "naysayers",
    "pessimists",
    "cynics",
];
/// Words that start the main verb after a subject's relative clause, and so end the clause.
const MAIN_VERBS: [&str; 20] = [
    "have", "has", "had", "is", "are", "was", "were", "will", "would", "may", "might", "should", "must",
    "can", "could", "owe", "owes", "deserve", "deserves", "need",
];
/// Stance pull of a weary repetition ("Another year, another promise").
pub const REPEATED: f64 = 1.5;
/// Words from a sentence's opening "another" to the one that repeats it.
pub const REPEAT_REACH: usize = 6;
/// Words from "few" to a verb of [`DOUBTED_CLAUSE`] that it makes a doubt ("few independent
/// forecasters believe").
pub const FEW_REACH: usize = 4;
/// Words a negator of [`DOUBTED_CLAUSE`] reaches, up to the end of its clause.
pub const DOUBTED_CLAUSE_WINDOW: u8 = 12;
/// Scale of the own weights of a negator that has them: a verb of failure or of a goal not yet
/// reached ("yet to", "failed to", "struggled to", "unable to") is skeptical in itself, and it
/// also flips the cues it reaches like any negator ("has yet to secure funding" reads skeptical,
/// not optimistic).
pub const FAILURE: f64 = 1.0;
/// Words after a booster or dampener within which it scales the next cue.
pub const MODIFIER_WINDOW: u8 = 3;
/// Extra weight of an ALL-CAPS cue in a sentence that is not itself all caps.
pub const CAPS_EMPHASIS: f64 = 0.35;
/// Added to the size of each raw sum per exclamation mark.
pub const EXCLAMATION: f64 = 0.25;
/// Exclamation marks beyond this add nothing.
pub const MAX_EXCLAMATIONS: usize = 4;
/// Scale of cues before the last contrast marker.
pub const BEFORE_CONTRAST: f64 = 0.5;
/// Scale of cues after the last contrast marker.
pub const AFTER_CONTRAST: f64 = 1.5;
/// Scale of the stance of cues before the last contrast marker, in place of
/// [`BEFORE_CONTRAST`]: stance leans harder on a contrast than sentiment does, since the clause
/// after "but" is where the writer's judgement is ("the press release describes a breakthrough,
/// but the paper reports a modest improvement").
pub const STANCE_BEFORE_CONTRAST: f64 = 0.4;
/// Scale of the stance of cues after the last contrast marker, in place of [`AFTER_CONTRAST`].
pub const STANCE_AFTER_CONTRAST: f64 = 2.0;
/// Words a clause after "but" must have for its lack of a stance cue to contradict what came
/// before ("shares fell - although pensions ..." is cut short, not an answer).
pub const ANSWER_WORDS: usize = 3;
/// Factor on the stance of a cue a stance-free "but" clause contradicts, after
/// [`BEFORE_CONTRAST`] halved it: its full weight the other way (sentiment keeps the half).
pub const CONTRADICTED: f64 = -2.0;
/// Modals of possibility and verbs of belief or expectation that, with no other stance cue in the
/// sentence, report a prospect: "the wells could make the country one of the cheapest power
/// producers in the region", "experts believe the levy has contributed to a fall in tooth decay",
/// "the chain expects to open 40 stores next year" ("is expected to", a schedule, stays neutral).
const POSSIBILITY: [&str; 7] =
    ["could", "could be", "could have", "believe", "believes", "expects", "expect"];
/// Factor on the pull of a [`POSSIBILITY`] hedge with no other stance cue: it turns round,
/// toward optimism.
pub const POSSIBILITY_ALONE: f64 = 2.5;
/// Factor on cues before the last semicolon: the clause after it usually says what the writer
/// makes of the one before ("Targets are easy; pylons are hard").
pub const BEFORE_TURN: f64 = 0.5;
/// Lexicon terms that report a claim, like the [`SlotKind::Claim`] words: "insists", "touted",
/// "mocked".
const CLAIMS: [&str; 8] =
    ["insist", "insists", "insisted", "claimed", "touted", "mocked", "derided", "hailed"];
/// Scale of cues in the clause a concessive marker opens.
pub const CONCEDED: f64 = 0.5;
/// Scale of the cues of a conceded clause ("for all the gloom", "after two years of setbacks")
/// when the rest of the sentence has no stance cue of its own: it answers the concession, so
/// what is conceded counts the other way.
pub const OVERCOME: f64 = -CONCEDED;
/// Concessive markers that set a clause beside the rest rather than against it ("while
/// drawing less power", "even if rates rise"), and relative clauses in the past perfect that
/// give the background of a change ("replacing rules that had frustrated builders"):
/// their clause is conceded but never overcome.
const ALONGSIDE: [&str; 10] = [
    "while",
    "whilst",
    "whereas",
    "even as",
    "even if",
    "albeit",
    "granted",
    "that had",
    "which had",
    "who had",
];
/// Factor on every cue of a sentence that says what something is or how it works ("a recession
/// is defined as two quarters of falling output"): it describes, it does not report or judge.
pub const DESCRIBED: f64 = 0.1;
/// Scale of the hedges' pull in a sentence with no other stance cue: a claim hedged but not
/// judged ("whether the merger goes ahead will depend on ...") is mostly neutral reporting.
pub const HEDGES_ALONE: f64 = 0.5;
/// Stance pulled toward skepticism per unit of hedge weight.
pub const HEDGE_PULL: f64 = 1.0;
/// Scale of a cue within [`HEDGE_WINDOW`] words after a hedge in its clause: a hedged claim
/// ("could redefine", "whether it pays off") counts for less than a firm one.
pub const HEDGED: f64 = 0.8;
/// Words after a hedge that it reaches.
pub const HEDGE_WINDOW: u8 = 3;
/// Words after "against" or a counter verb ("tackle", "prevent") in which a skeptical cue is
/// the thing opposed, absorbed.
pub const OPPOSED_WINDOW: u8 = 5;
/// Plain words a phrase between an evaluative subject and its movement may hold
/// ([`is_bare_subject`]).
pub const BARE_SUBJECT_PHRASE: usize = 3;
/// Factor on the stance of a cue naming the state a change left ([`left_state`]): "has gone from
/// gimmick to infrastructure" counts the gimmick the other way.
pub const LEFT_BEHIND: f64 = -1.0;
/// How many words after "from" the "to" or "into" of a change of state may come.
pub const LEFT_STATE_REACH: usize = 6;
/// Verbs of change whose "from … to …" names a state left behind ([`left_state`]).
const CHANGE_VERBS: [&str; 23] = [
    "went",
    "gone",
    "go",
    "goes",
    "going",
    "turned",
    "turn",
    "turning",
    "turns",
    "moved",
    "move",
    "moves",
    "moving",
    "shifted",
    "shift",
    "shifting",
    "evolved",
    "transformed",
    "transitioned",
    "switched",
    "grown",
    "grew",
    "swung",
];

/// Factor on the weights of a bad thing that is opposed: it counts the other way, at half
/// weight ("the vaccine will prevent child deaths" reads optimistic).
pub const OPPOSED: f64 = -0.5;
/// Hedges of this weight or less (vagueness: "some", "many") do not scale the cue after them.
pub const WEAK_HEDGE: f32 = 0.1;
/// First words that make a multi-word term a question of its own (see [`is_question_idiom`]).
const QUESTION_OPENERS: [&str; 8] = ["can", "could", "why", "who", "what", "what's", "how", "is"];
/// Factor applied to optimistic stance in a question: a claim put as a question reads as
/// doubted.
pub const QUESTIONED: f64 = -0.5;
/// Stance pulled toward skepticism by a question that challenges (holds a booster or an
/// optimistic claim).
pub const QUESTION_PULL: f64 = 0.5;
/// Stance pulled toward skepticism by a question with no stance cue at all: in news a bare
/// question ("Who will ride a bus that still needs an attendant?") is mostly rhetorical.
pub const BARE_QUESTION_PULL: f64 = 0.5;
/// Preference penalty of a quantity in the clause before a movement that opens a comma clause:
/// larger than any distance, so a quantity of the movement's own clause always wins.
pub const CLAUSE_BEFORE: usize = 100;
/// Words between a movement and a quantity that still compose.
pub const COMPOSE_WINDOW: usize = 5;
/// Words at most between "to" and the quantity a movement ends up in ("slipped to a net loss").
pub const DESTINATION_REACH: usize = 3;
/// Words at most between the article that opens a restating noun phrase and the movement that
/// ends it ("fell 9%, the fourth consecutive quarterly decline").
pub const ECHO_REACH: usize = 4;
/// Movements named as nouns that take what they change after "to" ("cuts to staffing").
const NAMED_CHANGES: [&str; 10] =
    ["cut", "cuts", "reduction", "reductions", "increase", "increases", "hike", "hikes", "boost", "boosts"];
/// Words after a quantity within which a movement makes it that movement's subject: such a
/// quantity is not taken as the object of an earlier movement ("losses narrowed as deposits
/// grew" pairs "narrowed" with "losses", not with "deposits").
pub const SUBJECT_WINDOW: usize = 3;
/// Words between a quantity and a movement after it in its clause that still compose: a
/// subject often carries a longer phrase than an object ("waiting lists for hip and knee
/// surgery have shrunk").
pub const SUBJECT_REACH: usize = 12;
/// Words between a movement and an "and" after it that still end the movement's phrase: a
/// quantity after such an "and" starts a new subject ("viewers grew and production costs were
/// shared"), not the movement's object.
pub const AND_REACH: usize = 1;
/// Words between a pronoun ("they", "it") and a movement after it for the pronoun to be the
/// movement's subject: "they fell", "it has since fallen".
pub const PRONOUN_REACH: usize = 2;
/// Words before a pronoun within which the quantity it names is looked for.
pub const ANTECEDENT_WINDOW: usize = 12;
/// Words after a quantity that names its object ("fears of", "risk of") within which the cues
/// of that object are absorbed into the composed pair: "easing fears of a credit crunch" is
/// optimistic, and the crunch is not counted against it.
pub const OBJECT_WINDOW: usize = 3;
/// How the term of a quantity that names its object ends.
const OBJECT_MARKERS: [&str; 4] = [" of", " about", " over", " that"];
/// Words a movement that opens a comma clause reaches back into the clause before it.
pub const LOOKBACK_WINDOW: usize = 16;
/// Words from a quantity to the subject of its noun phrase that a movement took ("deaths from
/// heart disease").
pub const HEAD_REACH: usize = 4;
/// Prepositions after which plain words may describe the noun of a subject's phrase.
const HEAD_PREPOSITIONS: [&str; 8] = ["for", "in", "at", "on", "among", "across", "with", "over"];

/// Concessive markers that, after a comma in mid-sentence, introduce a reservation and work like
/// "but" ("X, though Y").
const RESERVATIONS: [&str; 3] = ["though", "although", "even though"];
/// Contrast markers that join two clauses of one sentence.
const JOINING_CONTRASTS: [&str; 2] = ["but", "yet"];

/// Words between "of" and the cue a measure counts ("the number of firms filing for insolvency").
pub const MEASURE_REACH: usize = 3;

/// Words on each side of "compared with" searched for the two figures it compares.
pub const COMPARISON_WINDOW: usize = 6;
/// Words from "from" to the figure it opens, and from that figure to the "to" and the figure
/// after it ("went from about 300 to more than 2,000", "from 42 minutes to 18").
pub const RANGE_REACH: usize = 3;
/// Verbs of change that put a range of figures on the quantity before them ("went from 61% to
/// 84%", "has gone from 40 to more than 600"); other ranges are spans ("runs from 9 a.m. to 5
/// p.m.", "grants ranging from 200,000 to 2 million") or thresholds moved by decree.
const RANGE_VERBS: [&str; 5] = ["went", "gone", "go", "goes", "going"];
/// Stems of movements that say their subject outdid their object.
const OUTDOING: [&str; 8] =
    ["outpac", "outstrip", "outgr", "overtak", "overtook", "surpass", "exceed", "outnumber"];
/// Stems of movements that beat or miss a benchmark.
const BEATING: [&str; 8] =
    ["beat", "miss", "top", "exceed", "surpass", "fell short", "fall short", "falls short"];
/// Words after a comparative within which a quantity ends its noun phrase ("lower second
/// quarter EPS"): with none, the comparative describes the noun ("smaller borrowers").
pub const ATTRIBUTIVE_REACH: usize = 4;
/// Comparatives that count their noun rather than describe it: "fewer smartphones" is a number
/// of smartphones that fell.
const COUNTING: [&str; 1] = ["fewer"];
/// Stems of movements whose evaluative object is a contest lost or a thing taken away, not a
/// quantity moved ("lost the lawsuit", "lifted the ban").
const TAKING_AWAY: [&str; 3] = ["los", "lift", "miss"];
/// Openings of ending movements that deny an event rather than end one: what follows them is
/// not moved ("did not hurt sales").
const DENIALS: [&str; 11] = [
    "did not ",
    "didn't ",
    "has not ",
    "have not ",
    "had not ",
    "hasn't ",
    "haven't ",
    "never ",
    "failed to ",
    "fails to ",
    "fail to ",
];
/// Movements that are also particles and prepositions, whose next noun is not what moved
/// ("nailed down the prize", "fell below the flagging limit").
const PARTICLES: [&str; 4] = ["up", "down", "above", "below"];
/// Stems of quantities that are benchmarks, which an outdoing movement beats.
const BENCHMARKS: [&str; 8] =
    ["estimate", "forecast", "expectation", "consensus", "target", "guidance", "projection", "record"];
/// Added to a quantity's distance when a figure is a share of it ("104% of national income"),
/// so that any other quantity, even in the clause before, is preferred as the one that moved.
pub const SHARE_BASE: usize = 2 * CLAUSE_BEFORE;
/// Stance of a composed movement × quantity cue per unit of movement intensity.
pub const COMPOSED_STANCE: f64 = 1.5;
/// How many words apart a minimiser and what it counts, or the movement it measures, may be.
pub const MINIMISER_REACH: usize = 4;
/// Factor, and flip, of a composed movement a minimiser measures ("sales rose just 0.4%").
pub const MINIMISED_MOVEMENT: f64 = 0.5;
/// Sentiment of a composed movement × quantity cue per unit of movement intensity.
pub const COMPOSED_SENTIMENT: f64 = 1.0;

/// A rule that changed a cue, for explanations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub enum Rule {
    Negated = 1,
    Boosted = 1 << 1,
    Dampened = 1 << 2,
    Caps = 1 << 3,
    BeforeContrast = 1 << 4,
    AfterContrast = 1 << 5,
    Conceded = 1 << 6,
    Questioned = 1 << 7,
    /// A movement composed with a quantity.
    Composed = 1 << 8,
    /// A quantity whose tone went into a composed movement.
    Absorbed = 1 << 9,
    Hedge = 1 << 10,
    /// A challenging question's pull.
    Challenge = 1 << 11,
    /// A cue in a hedge's scope.
    Hedged = 1 << 12,
    /// An evaluative subject that an ending movement ended ("the crisis abated").
    Ended = 1 << 13,
    /// A skeptical cue named as what is opposed ("a vaccine against measles"): it counts for
    /// nothing and is no quantity to move.
    Opposed = 1 << 14,
    /// A cue of a sentence that describes what something is ("is defined as").
    Described = 1 << 15,
    /// A hedge in a sentence with no other stance cue: its pull is scaled by [`HEDGES_ALONE`].
    Alone = 1 << 16,
    /// A figure said to be small ("only 38 percent", "rose just 0.4%"): what it counts, or the
    /// movement it measures, reads the other way.
    Minimised = 1 << 17,
    /// Said before a "but" whose clause answers it with no stance cue of its own: its stance
    /// counts the other way ("impressive on paper, but the machine still uses more energy than it
    /// makes").
    Contradicted = 1 << 18,
    /// The pull of a weary repetition ("Another year, another promise"), by [`REPEATED`].
    Repeated = 1 << 19,
    /// In a claim the sentence refutes ("Investors who fled in a panic have missed the
    /// rally"): its stance counts the other way, by [`REFUTED`].
    Refuted = 1 << 20,
    /// Names the state a change left ("has gone from gimmick to infrastructure"): its stance
    /// counts the other way, by [`LEFT_BEHIND`].
    Left = 1 << 21,
}

impl Rule {
    pub const ALL: [Rule; 22] = [
        Rule::Negated,
        Rule::Boosted,
        Rule::Dampened,
        Rule::Caps,
        Rule::BeforeContrast,
        Rule::AfterContrast,
        Rule::Conceded,
        Rule::Questioned,
        Rule::Composed,
        Rule::Absorbed,
        Rule::Hedge,
        Rule::Challenge,
        Rule::Hedged,
        Rule::Ended,
        Rule::Opposed,
        Rule::Described,
        Rule::Alone,
        Rule::Minimised,
        Rule::Contradicted,
        Rule::Repeated,
        Rule::Refuted,
        Rule::Left,
    ];

    /// The word explanations use.
    pub fn name(self) -> &'static str {
        match self {
            Rule::Negated => "negated",
            Rule::Boosted => "boosted",
            Rule::Dampened => "dampened",
            Rule::Caps => "caps",
            Rule::BeforeContrast => "before-contrast",
            Rule::AfterContrast => "after-contrast",
            Rule::Conceded => "conceded",
            Rule::Questioned => "questioned",
            Rule::Composed => "composed",
            Rule::Absorbed => "absorbed",
            Rule::Hedge => "hedge",
            Rule::Challenge => "challenge",
            Rule::Hedged => "hedged",
            Rule::Ended => "ended",
            Rule::Opposed => "opposed",
            Rule::Described => "described",
            Rule::Alone => "alone",
            Rule::Minimised => "minimised",
            Rule::Contradicted => "contradicted",
            Rule::Repeated => "repeated",
            Rule::Refuted => "refuted",
            Rule::Left => "left-behind",
        }
    }
}

/// One matched entry of a sentence and what it finally contributed.
#[derive(Clone, Debug, PartialEq)]
pub struct Cue {
    /// Entry id in the lexicon (`u32::MAX` for a challenging question's pull).
    pub entry: u32,
    /// Byte span of the matched words in the document.
    pub span: (u32, u32),
    /// For a composed movement: the span of its quantity.
    pub partner: Option<(u32, u32)>,
    /// Weights before the rules (after spillover, or the composed weights).
    pub base_sentiment: f64,
    pub base_stance: f64,
    /// What it finally contributed to the raw sums.
    pub sentiment: f64,
    pub stance: f64,
    /// Bit set of [`Rule`]s.
    pub rules: u32,
}

impl Cue {
    pub fn has(&self, rule: Rule) -> bool {
        self.rules & rule as u32 != 0
    }

    /// A cue with its weights before the rules, `(sentiment, stance)`; what it contributes is
    /// set once the rules have run.
    fn new(entry: u32, span: (u32, u32), (base_sentiment, base_stance): (f64, f64), rules: u32) -> Cue {
        Cue { entry, span, partner: None, base_sentiment, base_stance, sentiment: 0.0, stance: 0.0, rules }
    }

    /// Takes away the cue's own tone: its quantity went into a pair, or it is a baseline or the
    /// object of a fear, not news of its own.
    fn absorb(&mut self) {
        self.base_sentiment = 0.0;
        self.base_stance = 0.0;
        self.rules |= Rule::Absorbed as u32;
    }

    /// Makes this cue a composed pair: `sign` (direction × quality × intensity) times the
    /// composed weights, with the span of what it was paired with.
    fn compose(&mut self, sign: f64, partner: (u32, u32)) {
        self.base_stance = sign * COMPOSED_STANCE;
        self.base_sentiment = sign * COMPOSED_SENTIMENT;
        self.partner = Some(partner);
        self.rules |= Rule::Composed as u32;
    }

    /// A pull on stance that no rule scales (a hedge, a challenging question).
    fn pull(entry: u32, span: (u32, u32), stance: f64, rule: Rule) -> Cue {
        Cue { stance, ..Cue::new(entry, span, (0.0, stance), rule as u32) }
    }
}

/// What a slot of the sentence is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum SlotKind {
    /// A matched lexicon entry.
    Entry(u32),
    /// A word that matched nothing.
    Plain,
    /// A number, with its value (scaled by a following "mn", "bn"…).
    Number(f64),
    /// A year ("in 2008"), which dates a figure and is never compared as one.
    Year,
    /// The word "from" or "since", which introduces a baseline ("up from a loss", "since
    /// production began"), not a subject.
    From,
    /// A word that introduces a cause or an earlier event ("because", "amid", "after", "as"): a
    /// quantity after it is not what a movement before it moved ("stalled because of a
    /// shortage", "recovered after two years of losses").
    Cause,
    /// The word "to" or "into", which may introduce where a movement ends up ("slipped to a net
    /// loss", "fell into arrears").
    To,
    /// "compared with", "versus": a comparison of two figures.
    Versus,
    /// "against": a comparison of two figures ("EUR 9 mn against EUR 7 mn"), or what is
    /// opposed ("a vaccine against measles").
    Against,
    /// "of" right after a figure ("104% of national income"): the quantity after it is the
    /// measure the figure is a share of, not one that moved.
    ShareOf,
    /// An article or possessive ("the", "a", "its", "their"), which may open a movement's
    /// object ("erode their returns").
    Determiner,
    /// "of" anywhere else: after a plain noun it makes that noun a measure of what follows ("cut
    /// a total of 28 jobs", "the number of customers"); `true` after a noun of counting or
    /// measuring ([`super::MEASURES`]: "the number of", "the value of").
    Of(bool),
    /// A function word or an adverb of time or degree ("among", "last", "again"): after a
    /// comparative, it shows the comparative is said of what came before ("was higher last
    /// year").
    Function,
    /// "and", which may start a new subject ("viewers grew and costs were shared").
    And,
    /// "they" or "it", a subject that names a quantity said earlier ("adjusted for inflation,
    /// they fell").
    Pronoun,
    /// Punctuation that ends a clause: , ; : ( ) and dashes, with the character (`-` for a
    /// dash).
    Boundary(u8),
    /// "another", which may open a weary repetition ("Another year, another promise").
    Another,
    /// "or", which offers alternatives ("whether it helps or hurts"); otherwise a function word.
    Or,
    /// A verb that reports what something is called, promised or was told ("calls it a
    /// strategy", "we were promised", "was dismissed as a gimmick"): a claim that a clause after
    /// a semicolon answers.
    Claim,
    /// A closing quotation mark (”), which ends a quoted fragment and the negation in it
    /// ("was “not credible” given the slow pace").
    QuoteEnd,
    /// An exclamation mark.
    Exclamation,
    /// A question mark.
    Question,
}

impl SlotKind {
    /// Whether the slot is a word of the sentence (for distances and windows).
    pub(super) fn is_word(self) -> bool {
        matches!(
            self,
            SlotKind::Plain
                | SlotKind::Number(_)
                | SlotKind::Year
                | SlotKind::From
                | SlotKind::Cause
                | SlotKind::Function
                | SlotKind::Of(_)
                | SlotKind::To
                | SlotKind::Versus
                | SlotKind::Against
                | SlotKind::And
                | SlotKind::ShareOf
                | SlotKind::Determiner
                | SlotKind::Pronoun
                | SlotKind::Another
                | SlotKind::Or
                | SlotKind::Claim
                | SlotKind::Entry(_)
        )
    }
}

/// One unit of the sentence after matching: a matched term, a plain word or a boundary.
#[derive(Clone, Copy, Debug)]
pub(super) struct Slot {
    pub kind: SlotKind,
    /// Byte span in the sentence.
    pub start: u32,
    pub end: u32,
    pub all_caps: bool,
}

impl Slot {
    /// The slot's words in the sentence's lower-case text (`""` if the span is not there).
    fn text<'a>(&self, lower: &'a str) -> &'a str {
        lower.get(self.start as usize..self.end as usize).unwrap_or("")
    }

    /// The first word of [`Slot::text`] (a matched phrase is several).
    fn first_word<'a>(&self, lower: &'a str) -> &'a str {
        let text = self.text(lower);
        text.split_once(' ').map_or(text, |(first, _)| first)
    }
}

/// The index of the first boundary slot at or after `from`, or the number of slots.
fn boundary_from(slots: &[Slot], from: usize) -> usize {
    slots
        .get(from..)
        .and_then(|rest| rest.iter().position(|s| matches!(s.kind, SlotKind::Boundary(_))))
        .map_or(slots.len(), |at| from + at)
}

/// The raw sums of one sentence.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct Sums {
    pub sentiment: f64,
    pub stance: f64,
    pub optimism: f64,
    pub skepticism: f64,
    pub hedges: u32,
}

/// Classifies a non-word token.
pub(super) fn punct_slot(sentence: &str, token: &Token) -> Option<SlotKind> {
    debug_assert!(token.kind == TokenKind::Punct);
    match sentence.as_bytes()[token.span.start as usize] {
        mark @ (b',' | b';' | b':' | b'(' | b')' | b'-' | b'[' | b']') => Some(SlotKind::Boundary(mark)),
        b'!' => Some(SlotKind::Exclamation),
        b'?' => Some(SlotKind::Question),
        b if b.is_ascii() => None,
        _ => match &sentence[token.span.start as usize..token.span.end as usize] {
            "–" | "—" => Some(SlotKind::Boundary(b'-')),
            "”" => Some(SlotKind::QuoteEnd),
            _ => None,
        },
    }
}

/// A cue while the rules still run over it.
#[derive(Clone, Debug)]
pub(super) struct Pending {
    cue: Cue,
    /// Product of the scales applied so far.
    factor: f64,
    clause: u32,
    slot: usize,
    /// Words and matched terms before this cue's slot in the sentence.
    word: usize,
}

/// How many more words the open scopes of negation, boosting and hedging reach.
#[derive(Default)]
struct Scopes {
    negation: u8,
    boost: u8,
    hedge: u8,
}

impl Scopes {
    /// A word no rule acts on: every scope reaches one word less.
    fn pass_word(&mut self) {
        self.negation = self.negation.saturating_sub(1);
        self.boost = self.boost.saturating_sub(1);
        self.hedge = self.hedge.saturating_sub(1);
    }

    /// A clause ends: no scope reaches past it.
    fn end_clause(&mut self) {
        *self = Scopes::default();
    }
}

/// Runs every rule over `slots` and appends the sentence's cues to `cues` when given (for
/// explanations), offsetting spans by `offset` (the sentence's start in the document).
/// `pending` is reused scratch.
pub(super) fn apply(
    lexicon: &Lexicon,
    slots: &[Slot],
    lower: &str,
    mostly_caps: bool,
    offset: u32,
    mut cues: Option<&mut Vec<Cue>>,
    pending: &mut Vec<Pending>,
) -> Sums {
    pending.clear();
    let mut sums = Sums::default();
    let mut scopes = Scopes::default();
    let mut negated = false;
    let mut boost = 0.0f64;
    let mut clause = 0u32;
    let mut last_contrast: Option<u32> = None;
    let mut contrast_joins = false;
    // Words before the last contrast marker and the marker itself.
    let mut contrast_word = 0usize;
    let mut conceded_clauses = 0u64;
    // Conceded clauses that a stance-free rest of the sentence overcomes (not "while" ones).
    let mut overcome_clauses = 0u64;
    let mut exclamations = 0usize;
    let mut question = false;
    // The span of the question mark that makes the sentence a question, for its pull's cue.
    let mut question_mark = (0u32, 0u32);
    let mut boosters_seen = false;
    let mut rarely = false;
    // Whether a negator of frequency is followed in its scope by "this" or "so" and a cue ("never
    // seen morale this high"): what comes between is not denied.
    let mut degree_ahead = false;
    let mut opposed_left = 0u8;
    // Whether the open scope of what is opposed was opened by "against" (not a counter verb).
    let mut opposed_by_against = false;
    let mut benchmarks_seen = false;
    let mut comparisons_seen = false;
    let mut ranges_seen = false;
    let mut described = false;
    let mut minimisers_seen = false;
    let mut last_turn: Option<u32> = None;
    // The clause of the last claim reported ("calls it", "was told"), if any.
    let mut claim: Option<u32> = None;
    let mut colon_seen = false;
    // Where an open question between alternatives ends (word and clause), if one is open.
    let mut alternatives: Option<(usize, u32)> = None;
    // Where the last "few" was (its word and clause), for a belief it may doubt.
    let mut few_at: Option<(usize, u32)> = None;

    let mut word = 0usize;
    for (i, slot) in slots.iter().enumerate() {
        let word_here = word;
        word += usize::from(slot.kind.is_word());
        let id = match slot.kind {
            SlotKind::Boundary(mark) => {
                scopes.end_clause();
                opposed_left = 0;
                clause += 1;
                match mark {
                    b';' => last_turn = Some(clause),
                    b':' => colon_seen = true,
                    _ => {}
                }
                continue;
            }
            SlotKind::Exclamation => {
                exclamations += 1;
                continue;
            }
            SlotKind::QuoteEnd => {
                scopes.negation = 0;
                continue;
            }
            SlotKind::Question => {
                // A question mark counts when no word follows it in the sentence.
                question = !slots[i + 1..].iter().any(|s| s.kind.is_word());
                question_mark = (slot.start, slot.end);
                continue;
            }
            SlotKind::Entry(id) => id,
            // Every other slot is a word no rule acts on by itself (a plain word, a figure, a
            // marker such as "from" or "against").
            _ => {
                scopes.pass_word();
                // "avoid outdoor exercise after admissions rose": a cause ends what is opposed.
                if slot.kind == SlotKind::Against {
                    opposed_by_against = true;
                }
                opposed_left = match slot.kind {
                    SlotKind::Against => OPPOSED_WINDOW,
                    SlotKind::Cause => 0,
                    _ => opposed_left.saturating_sub(1),
                };
                comparisons_seen |= matches!(slot.kind, SlotKind::Versus | SlotKind::Against);
                ranges_seen |= slot.kind == SlotKind::From;
                if slot.kind == SlotKind::Claim {
                    claim = Some(clause);
                }
                continue;
            }
        };
        let entry = lexicon.entry(id);
        if CLAIMS.contains(&&*entry.term) {
            claim = Some(clause);
        }
        // "The premier insists the plan is funded, though experts have yet to see the numbers": a
        // concessive marker after a comma in mid-sentence introduces the writer's reservation,
        // which works like "but".
        let reservation = entry.kind == Kind::Concessive
            && RESERVATIONS.contains(&&*entry.term)
            && i > 0
            && matches!(slots[i - 1].kind, SlotKind::Boundary(_));
        match if reservation { Kind::Contrast } else { entry.kind } {
            Kind::Negator => {
                open_negation(&entry.term, false, &mut scopes, &mut negated, &mut rarely);
                degree_ahead = rarely && has_degree_ahead(slots, lower, i);
                // A negator with weights of its own ("yet to", "failed to") is also a cue, outside
                // its own scope: skeptical in itself, and it flips what it did not achieve.
                if entry.sentiment.is_some() || entry.stance.is_some() {
                    let cue = Cue::new(id, (offset + slot.start, offset + slot.end), base_weights(entry), 0);
                    pending.push(Pending { cue, factor: FAILURE, clause, slot: i, word: word_here });
                }
                continue;
            }
            Kind::Booster | Kind::Dampener => {
                let w = f64::from(entry.weight);
                let signed = if entry.kind == Kind::Booster { w } else { -w };
                boosters_seen |= entry.kind == Kind::Booster;
                // "rose sharply", "rebounded strongly": right after a movement, the adverb is
                // that movement's, not the next cue's.
                if let Some(movement) = pending.last_mut().filter(|p| {
                    p.slot + 1 == i && !p.cue.has(Rule::Hedge) && is_movement(lexicon.entry(p.cue.entry).kind)
                }) {
                    movement.factor *= (1.0 + signed).max(0.0);
                    movement.cue.rules |= if signed > 0.0 { Rule::Boosted } else { Rule::Dampened } as u32;
                    scopes.pass_word();
                    continue;
                }
                boost += signed;
                scopes.boost = MODIFIER_WINDOW;
                scopes.negation = scopes.negation.saturating_sub(1);
                continue;
            }
            // "yet" contrasts only where a clause starts ("..., yet it worked", "and yet");
            // elsewhere it means "so far" ("the best chance yet to study").
            Kind::Contrast if &*entry.term == "yet" && !starts_clause(slots, i) => {
                scopes.negation = scopes.negation.saturating_sub(1);
                continue;
            }
            Kind::Contrast => {
                scopes.end_clause();
                clause += 1;
                last_contrast = Some(clause);
                // "but", "yet" and a reservation join two clauses of this sentence; "however"
                // or "that said" usually answers the sentence before.
                // A "but" with no comma before it often joins two words ("politely but firmly").
                contrast_joins =
                    reservation || JOINING_CONTRASTS.contains(&&*entry.term) && starts_clause(slots, i);
                contrast_word = word;
                continue;
            }
            Kind::Concessive => {
                scopes.end_clause();
                clause += 1;
                conceded_clauses |= clause_bit(clause);
                if !ALONGSIDE.contains(&&*entry.term) {
                    overcome_clauses |= clause_bit(clause);
                }
                continue;
            }
            Kind::Hedge => {
                sums.hedges += 1;
                let term = &*entry.term;
                let mut pull = -f64::from(entry.weight) * HEDGE_PULL;
                // "whether the buyout helps or hurts employees depends on details": a question
                // between alternatives is open, and what it names is weighed by neither side.
                if term == "whether" && offers_alternatives(slots, i) {
                    pull *= ALTERNATIVES;
                    alternatives = Some((word_here + WHETHER_REACH, clause));
                }
                // "did not say whether the upgrade had improved reliability": an answer withheld
                // is the news; the question after it is open, not denied.
                if withholds_an_answer(term) {
                    alternatives = Some((word_here + WHETHER_REACH, clause));
                }
                let cue = Cue::pull(id, (offset + slot.start, offset + slot.end), pull, Rule::Hedge);
                pending.push(Pending { cue, factor: 1.0, clause, slot: i, word: word_here });
                // "unlikely to face price spikes": a hedge that doubts what follows negates it too.
                if DOUBTING.contains(&term) {
                    open_negation(term, false, &mut scopes, &mut negated, &mut rarely);
                    continue;
                }
                // "few independent forecasters believe the target is achievable": a belief held
                // by few doubts the clause after it, like "few economists believe".
                if term == "few" {
                    few_at = Some((word_here, clause));
                } else if few_at
                    .is_some_and(|(at, few_clause)| few_clause == clause && word_here - at <= FEW_REACH)
                    && DOUBTED_CLAUSE.iter().any(|verb| &verb[1..] == term)
                {
                    open_negation(term, true, &mut scopes, &mut negated, &mut rarely);
                    continue;
                }
                // A hedge with weights of its own ("doubts") is also an evaluative cue.
                if entry.sentiment.is_none() && entry.stance.is_none() {
                    scopes.negation = scopes.negation.saturating_sub(1);
                    // Vagueness ("some analysts", "many") says who holds a view, not how sure it
                    // is: the cue after it keeps its weight ("some analysts doubt").
                    if entry.weight > WEAK_HEDGE {
                        scopes.hedge = HEDGE_WINDOW;
                    }
                    continue;
                }
            }
            // "than expected": kept, without weights, for compose_benchmarks.
            Kind::Benchmark => {
                benchmarks_seen = true;
                let cue = Cue::new(id, (offset + slot.start, offset + slot.end), (0.0, 0.0), 0);
                pending.push(Pending { cue, factor: 1.0, clause, slot: i, word: word_here });
                scopes.pass_word();
                continue;
            }
            // "tackle", "prevent", "detect": what follows is opposed. One with weights of its own
            // ("cure", "solve") is also a cue, and the scope starts after it.
            Kind::Counter => {
                if entry.sentiment.is_none() && entry.stance.is_none() {
                    scopes.pass_word();
                    opposed_left = OPPOSED_WINDOW;
                    opposed_by_against = false;
                    continue;
                }
            }
            // "is defined as", "consists of": the sentence describes; its cues weigh less.
            // "Here's what to know: ...": a frame that opens the sentence and a colon follows
            // announces what comes after it, which is reported, not described.
            Kind::Definition => {
                described |= !(i == 0 && slots.get(1).is_some_and(|s| s.kind == SlotKind::Boundary(b':')));
                scopes.pass_word();
                continue;
            }
            // "only 38 percent", "only a handful of": kept, without weights, for
            // compose_minimisers. A single word ("only", "just") minimises only a number right
            // after it; elsewhere it is a plain word.
            Kind::Minimiser => {
                if entry.term.contains(' ')
                    || slots.get(i + 1).is_some_and(|s| matches!(s.kind, SlotKind::Number(_)))
                {
                    minimisers_seen = true;
                    let cue = Cue::new(
                        id,
                        (offset + slot.start, offset + slot.end),
                        (0.0, 0.0),
                        Rule::Minimised as u32,
                    );
                    pending.push(Pending { cue, factor: 1.0, clause, slot: i, word: word_here });
                }
                scopes.pass_word();
                continue;
            }
            // A neutral expression ("crisis management") only shields its words: it counts as
            // one plain word.
            Kind::Neutral => {
                scopes.pass_word();
                continue;
            }
            Kind::Cue | Kind::Up | Kind::Down | Kind::End | Kind::Good | Kind::Bad => {}
        }
        let (base_sentiment, base_stance) = base_weights(entry);
        let mut factor = 1.0;
        let mut rules = 0u32;
        if alternatives.is_some_and(|(until, open)| open == clause && word_here <= until) {
            factor *= ALTERNATIVES;
            rules |= Rule::Described as u32;
        }
        // "a vaccine against measles", "protection against fraud": a bad thing that is opposed
        // is named, not reported; the stance is in what opposes it.
        // "complaints against doctors fell": a movement right after the plain noun "against"
        // names is the verb of the clause, not a thing opposed.
        if opposed_by_against && is_movement(entry.kind) && i > 0 && slots[i - 1].kind == SlotKind::Plain {
            opposed_left = 0;
        }
        if opposed_left > 0 {
            opposed_left -= 1;
            // A bad quantity is opposed whatever its own tone ("weathered higher costs"); so is
            // a fall named as a thing ("more than makes up for the shortfall").
            if entry.kind == Kind::Bad
                || matches!(entry.kind, Kind::Cue | Kind::Down | Kind::End)
                    && base_stance <= 0.0
                    && base_stance.min(base_sentiment) < 0.0
                    // "reflected doubts about whether", "tackle it at peak prices": a judgement
                    // said of something is the writer's, not a thing opposed.
                    && !is_judgement_phrase(&entry.term)
            {
                factor = OPPOSED;
                rules |= Rule::Opposed as u32;
            }
        }
        if scopes.negation > 0 {
            // "order books have rarely looked healthier", "has never looked this solid": a
            // comparative, or a cue after "this" or "so", after "never", "rarely" or "seldom" is a
            // superlative, not a denial.
            let degree = i > 0 && DEGREE_WORDS.contains(&slots[i - 1].text(lower));
            if negated && rarely && (is_comparative(&entry.term) || degree) {
                degree_ahead = false;
                rules |= Rule::Boosted as u32;
                factor *= 1.0 + RARELY_COMPARATIVE;
                // The comparative closes the negation's scope: "never had a stronger order book"
                // does not negate the order book.
                scopes.negation = 1;
            } else if negated && !degree_ahead {
                factor *= NEGATION;
                rules |= Rule::Negated as u32;
            }
            scopes.negation -= 1;
        }
        if scopes.boost > 0 && boost != 0.0 {
            factor *= (1.0 + boost).max(0.0);
            rules |= if boost > 0.0 { Rule::Boosted } else { Rule::Dampened } as u32;
        }
        boost = 0.0;
        scopes.boost = 0;
        if scopes.hedge > 0 {
            factor *= HEDGED;
            rules |= Rule::Hedged as u32;
            scopes.hedge -= 1;
        }
        if slot.all_caps && !mostly_caps {
            factor *= 1.0 + CAPS_EMPHASIS;
            rules |= Rule::Caps as u32;
        }
        let cue =
            Cue::new(id, (offset + slot.start, offset + slot.end), (base_sentiment, base_stance), rules);
        pending.push(Pending { cue, factor, clause, slot: i, word: word_here });
        if entry.kind == Kind::Counter {
            opposed_left = OPPOSED_WINDOW;
            opposed_by_against = false;
        }
    }

    compose_movements(lexicon, slots, lower, pending);
    compose_changes_of_changes(lexicon, slots, lower, pending);
    absorb_echoes(lexicon, slots, pending);
    if comparisons_seen {
        compose_comparisons(lexicon, slots, offset, pending);
    }
    if ranges_seen {
        compose_ranges(lexicon, slots, lower, offset, pending);
    }
    if benchmarks_seen {
        compose_benchmarks(lexicon, slots, offset, pending);
    }
    if minimisers_seen {
        compose_minimisers(lexicon, slots, pending);
    }
    if comparisons_seen {
        absorb_compared_baselines(slots, pending);
    }

    // "For all the gloom about funding, young scientists keep producing work the world wants to
    // read": a concession the rest of the sentence answers without a stance cue of its own is
    // overcome, so what it concedes counts the other way.
    let no_stance = |p: &Pending| p.cue.has(Rule::Hedge) || p.cue.base_stance == 0.0;
    let answered = overcome_clauses != 0
        && pending.iter().all(|p| no_stance(p) || conceded_clauses & clause_bit(p.clause) != 0);
    let hedges_alone = pending.iter().all(no_stance);
    // "The fusion record is impressive on paper, but the machine still consumes more energy
    // than it produces": a clause after "but", "yet" or a reservation that has no stance cue of
    // its own says the opposite of what came before; the stance before it turns round.
    let contradicted = contrast_joins
        && word - contrast_word >= ANSWER_WORDS
        && last_contrast.is_some_and(|contrast| pending.iter().all(|p| p.clause < contrast || no_stance(p)));
    // "The minister calls it a success; the three people who have used it would presumably
    // agree": a claim reported before the last semicolon is what the clause after it answers. So
    // is what doubters or critics said, or a view held of something ("The doomsayers predicted a
    // recession; the jobless rate has barely moved", "Electric ferries were dismissed as a
    // gimmick; today they are the obvious choice").
    let answered_claim =
        last_turn.is_some_and(|turn| claim.is_some_and(|c| c < turn) || view_before(slots, lower, turn));
    let refuted = [refuted_claim(slots, lower), past_view(slots, lower)];
    let left = if ranges_seen { left_state(slots, lower) } else { None };
    for Pending { cue, factor, clause, slot, .. } in pending.iter_mut() {
        // A hedge's pull is not scaled, except that a doubt the writer goes on to answer
        // ("sceptics doubted it would work, yet it did") weighs like the rest of its clause.
        if cue.has(Rule::Hedge) {
            if hedges_alone {
                cue.stance *= if POSSIBILITY.contains(&&*lexicon.entry(cue.entry).term) {
                    -POSSIBILITY_ALONE
                } else {
                    HEDGES_ALONE
                };
                cue.rules |= Rule::Alone as u32;
            }
            if last_contrast.is_some_and(|contrast| *clause < contrast) {
                cue.stance *= BEFORE_CONTRAST;
                cue.rules |= Rule::BeforeContrast as u32;
            }
            continue;
        }
        if let Some(contrast) = last_contrast {
            if *clause < contrast {
                *factor *= BEFORE_CONTRAST;
                cue.rules |= Rule::BeforeContrast as u32;
                if contradicted {
                    cue.rules |= Rule::Contradicted as u32;
                }
            } else {
                *factor *= AFTER_CONTRAST;
                cue.rules |= Rule::AfterContrast as u32;
            }
        }
        let in_refuted = refuted.iter().flatten().any(|range| range.contains(slot));
        if last_turn.is_some_and(|turn| *clause < turn) {
            *factor *= BEFORE_TURN;
            cue.rules |= Rule::BeforeContrast as u32;
            // A view already refuted ("once dismissed as a gimmick; ...") is not turned twice.
            if answered_claim && !in_refuted {
                cue.rules |= Rule::Contradicted as u32;
            }
        }
        if conceded_clauses & clause_bit(*clause) != 0 {
            let overcome = answered && overcome_clauses & clause_bit(*clause) != 0;
            *factor *= if overcome { OVERCOME } else { CONCEDED };
            cue.rules |= Rule::Conceded as u32;
        }
        if described {
            *factor *= DESCRIBED;
            cue.rules |= Rule::Described as u32;
        }
        cue.sentiment = cue.base_sentiment * *factor;
        cue.stance = cue.base_stance * *factor;
        if let Some(contrast) = last_contrast {
            cue.stance *= if *clause < contrast {
                STANCE_BEFORE_CONTRAST / BEFORE_CONTRAST
            } else {
                STANCE_AFTER_CONTRAST / AFTER_CONTRAST
            };
        }
        if cue.has(Rule::Contradicted) {
            cue.stance *= CONTRADICTED;
        }
        // A claim the sentence has already ended ("were proved wrong") is not turned round twice.
        if in_refuted && !cue.has(Rule::Ended) {
            cue.stance *= REFUTED;
            cue.rules |= Rule::Refuted as u32;
        }
        if left.as_ref().is_some_and(|range| range.contains(slot)) {
            cue.stance *= LEFT_BEHIND;
            cue.rules |= Rule::Left as u32;
        }
        if question && cue.stance > 0.0 && !is_question_idiom(&lexicon.entry(cue.entry).term) {
            cue.stance *= QUESTIONED;
            cue.rules |= Rule::Questioned as u32;
        }
    }

    // A question that challenges pulls by QUESTION_PULL; one with no stance cue at all ("Who will
    // ride it?") is rhetorical and pulls by BARE_QUESTION_PULL.
    let pull = if !question {
        0.0
    } else if boosters_seen || pending.iter().any(|p| p.cue.has(Rule::Questioned)) {
        QUESTION_PULL
    } else if word > 0 && !colon_seen && pending.iter().all(|p| p.cue.base_stance == 0.0) {
        BARE_QUESTION_PULL
    } else {
        0.0
    };
    for Pending { cue, .. } in pending.drain(..) {
        // A movement or quantity that found no partner and has no tone of its own says nothing.
        if cue.base_stance == 0.0 && cue.base_sentiment == 0.0 && !cue.has(Rule::Hedge) {
            continue;
        }
        sums.sentiment += cue.sentiment;
        sums.stance += cue.stance;
        if cue.stance > 0.0 {
            sums.optimism += cue.stance;
        } else {
            sums.skepticism -= cue.stance;
        }
        if let Some(cues) = cues.as_deref_mut() {
            cues.push(cue);
        }
    }
    if pull > 0.0 {
        sums.stance -= pull;
        sums.skepticism += pull;
        // On the question mark itself: punctuation after it ("?—") may be several bytes long.
        let (start, end) = question_mark;
        if let Some(cues) = cues.as_deref_mut() {
            cues.push(Cue::pull(u32::MAX, (offset + start, offset + end), -pull, Rule::Challenge));
        }
    }
    // "Another year, another promise that the slide will end": a sentence that opens by
    // counting one more of something, then another, is weary of it.
    if let Some(again) = repetition(slots) {
        sums.stance -= REPEATED;
        sums.skepticism += REPEATED;
        if let Some(cues) = cues {
            let span = (offset + slots[again].start, offset + slots[again].end);
            cues.push(Cue::pull(u32::MAX, span, -REPEATED, Rule::Repeated));
        }
    }
    let emphasis = EXCLAMATION * exclamations.min(MAX_EXCLAMATIONS) as f64;
    sums.sentiment += emphasis * sums.sentiment.signum() * f64::from(u8::from(sums.sentiment != 0.0));
    sums.stance += emphasis * sums.stance.signum() * f64::from(u8::from(sums.stance != 0.0));
    sums
}

/// The slot of the second "another" of a sentence that opens with "another" and repeats it
/// after punctuation within [`REPEAT_REACH`] words ("Another week, another U-turn").
fn repetition(slots: &[Slot]) -> Option<usize> {
    if slots.first()?.kind != SlotKind::Another {
        return None;
    }
    let mut words = 0;
    for (i, pair) in slots.windows(2).enumerate() {
        words += usize::from(pair[0].kind.is_word());
        if words > REPEAT_REACH {
            return None;
        }
        if matches!(pair[0].kind, SlotKind::Boundary(_)) && pair[1].kind == SlotKind::Another {
            return Some(i + 1);
        }
    }
    None
}

/// Opens the negation scope of a negator (or a doubting hedge) `term`: a second negator in an
/// open scope cancels the first, except one that carries it on ("nor"); a negator of frequency
/// ("never", "rarely") is remembered for the comparative rule. One that doubts a clause
/// ([`DOUBTED_CLAUSE`], or `doubts_clause`: "few analysts believe") or the subject
/// ([`DENIED_SUBJECT`]: "not every") reaches the whole clause.
fn open_negation(
    term: &str,
    doubts_clause: bool,
    scopes: &mut Scopes,
    negated: &mut bool,
    rarely: &mut bool,
) {
    *negated = CARRY_ON.contains(&term) || !(scopes.negation > 0 && *negated);
    scopes.negation = if doubts_clause
        || DOUBTED_CLAUSE.iter().any(|verb| term.ends_with(verb))
        || DENIED_SUBJECT.contains(&term)
    {
        DOUBTED_CLAUSE_WINDOW
    } else {
        NEGATION_WINDOW
    };
    *rarely = RARELY.contains(&term);
}

/// Whether "this" or "so" followed by a matched term comes within [`NEGATION_WINDOW`] words after
/// the negator at slot `at`, in its clause ("never seen morale this high").
fn has_degree_ahead(slots: &[Slot], lower: &str, at: usize) -> bool {
    slots[at + 1..]
        .windows(2)
        .take_while(|pair| pair[0].kind.is_word())
        .take(usize::from(NEGATION_WINDOW))
        .any(|pair| DEGREE_WORDS.contains(&pair[0].text(lower)) && matches!(pair[1].kind, SlotKind::Entry(_)))
}

/// Whether a term is itself a question ("can anything stop", "why worry about", "what's not to
/// like"): its weight already says what the question means, so the question does not turn it.
fn is_question_idiom(term: &str) -> bool {
    QUESTION_OPENERS.iter().any(|opener| term.strip_prefix(opener).is_some_and(|rest| rest.starts_with(' ')))
}

/// Whether a term reads as a comparative ("healthier", "stronger", "better", "higher"): one word
/// of at least five letters ending in "er".
fn is_comparative(term: &str) -> bool {
    !term.contains(' ') && term.len() >= 5 && term.ends_with("er")
}

/// An entry's weights with spillover filled in.
fn base_weights(entry: &Entry) -> (f64, f64) {
    let sentiment = entry.sentiment.map(f64::from);
    let stance = entry.stance.map(f64::from);
    match (sentiment, stance) {
        (Some(se), Some(st)) => (se, st),
        (Some(se), None) => (se, se * SENTIMENT_TO_STANCE),
        (None, Some(st)) => (st * STANCE_TO_SENTIMENT, st),
        (None, None) => (0.0, 0.0),
    }
}

/// Pairs each movement with the nearest quantity of its clause and turns the pair into one
/// composed cue on the movement; the quantity's own tone is absorbed.
fn compose_movements(lexicon: &Lexicon, slots: &[Slot], lower: &str, pending: &mut [Pending]) {
    let kind_of =
        |p: &Pending| if p.cue.has(Rule::Hedge) { Kind::Hedge } else { lexicon.entry(p.cue.entry).kind };
    for m in 0..pending.len() {
        let direction = match kind_of(&pending[m]) {
            Kind::Up => 1.0,
            Kind::Down | Kind::End => -1.0,
            _ => continue,
        };
        // "defaults among smaller borrowers": a comparative right before a plain noun that no
        // quantity follows describes that noun; it moves nothing else. "rose above 100 percent":
        // a particle right after a movement is part of it.
        if is_attributive(lexicon, slots, lower, pending[m].slot)
            || continues_a_movement(lexicon, slots, pending[m].slot)
        {
            continue;
        }
        // "slowed cognitive decline": a movement that moves another is composed with it after
        // this pass (compose_changes_of_changes), and takes no quantity of its own.
        if object_movement(lexicon, slots, pending, m).is_some() {
            continue;
        }
        // "complaints about crashes rose", "fears of a crash grew": a movement right after a
        // preposition is an event named, not a verb; it moves no quantity before it.
        let named_event = is_named_event(lexicon, slots, lower, pending[m].slot);
        // "raising prices in its biggest markets": a plain noun in the object's place is what the
        // movement moved, so no quantity after it is.
        let plain_object = has_plain_object(lexicon, slots, pending[m].slot);
        absorb_baselines(slots, m, pending, &kind_of);
        // A movement opening a comma clause ("Profit was EUR 11 mn, up from EUR 8 mn", "turnout
        // was 84%, the highest in decades") reaches back into the clause before it.
        // So does one sized by a figure: "net sales were EUR 128 mn, a 3.3 percent increase".
        let opens_clause = opens_a_clause(&slots[..pending[m].slot]);
        let mut best: Option<(usize, usize)> = None; // (preference score, index)
        for (q, candidate) in pending.iter().enumerate() {
            let evaluative = kind_of(candidate) == Kind::Cue && tone(&candidate.cue) != 0.0;
            if !(matches!(kind_of(candidate), Kind::Good | Kind::Bad)
                || evaluative && is_evaluative_object(lexicon, slots, &pending[m], candidate)
                || evaluative && q < m && is_measured(slots, candidate.slot)
                || evaluative && is_bare_subject(lexicon, slots, candidate, &pending[m]))
                || candidate.cue.has(Rule::Opposed)
            {
                continue;
            }
            if q < m && named_event {
                continue;
            }
            // "fewer errors and faster discharges": a quantity a comparative right before it
            // took ("fewer errors") is that noun phrase's, not a later movement's subject.
            if q < m && candidate.cue.has(Rule::Absorbed) && held_by_comparative(lexicon, pending, q) {
                continue;
            }
            // "outages lasting nine hours after a landslide cut the route": a movement in a clause
            // of cause has its own subject; it does not reach back past the marker.
            if q < m && crosses_cause(slots, candidate.slot, pending[m].slot) {
                continue;
            }
            let same_clause = candidate.clause == pending[m].clause;
            // "Volatility, as measured by the fear gauge, fell": past a parenthetical clause that
            // has no movement or quantity of its own, to the clause before it.
            let clause_before = opens_clause
                && q < m
                && (candidate.clause + 1 == pending[m].clause
                    || (candidate.clause + 2 == pending[m].clause
                        && !pending.iter().any(|p| {
                            let kind = kind_of(p);
                            p.clause + 1 == pending[m].clause
                                && (is_movement(kind) || matches!(kind, Kind::Good | Kind::Bad))
                        })));
            let window = match (same_clause, q < m) {
                (true, true) => SUBJECT_REACH,
                (true, false) => COMPOSE_WINDOW,
                (false, _) => LOOKBACK_WINDOW,
            };
            if !(same_clause || clause_before) {
                continue;
            }
            let distance = pending[m].word.abs_diff(candidate.word).saturating_sub(1);
            if distance > window {
                continue;
            }
            // "tumbled on fears of a glut": a quantity that names what it is about ("fears of")
            // after a movement is its cause unless it is the movement's object ("eased fears of").
            if q > m
                && names_its_object(lexicon, candidate)
                && !is_object(lexicon, slots, pending[m].slot, candidate.slot)
            {
                continue;
            }
            if q > m && (plain_object || denies_an_event(lexicon, &pending[m])) {
                continue;
            }
            // "cut members' bills": a plural possessive names whose quantity moved, not what moved.
            if q > m && is_plural_possessive(lower, &slots[candidate.slot]) {
                continue;
            }
            // "up from a loss": a quantity after "from" is the baseline, not what moved; one after
            // "because", "amid", "after" or "as" is the cause ("stalled because of a shortage").
            if q > m
                && slots[pending[m].slot + 1..candidate.slot]
                    .iter()
                    .any(|s| matches!(s.kind, SlotKind::From | SlotKind::Cause))
            {
                continue;
            }
            // "slumped on refinancing worries", "jumped on supply fears": what follows "on" right
            // after the movement is its cause, not its object.
            if q > m
                && slots
                    .get(pending[m].slot + 1)
                    .is_some_and(|s| s.kind == SlotKind::Function && s.text(lower) == "on")
            {
                continue;
            }
            // "viewers grew and costs were shared": "and" right after a movement starts a new
            // subject; a quantity after it is not this movement's object.
            if q > m && ends_at_and(slots, pending[m].slot, candidate.slot) {
                continue;
            }
            // "narrowed as deposits grew": a quantity after the movement that a later movement
            // follows closely is that movement's subject, not this one's object. (Not when a
            // comparative stands right before it: "fewer medication errors and faster
            // discharges" pairs "fewer" with "errors"; nor a present participle that opens the
            // sentence right before it: "Rising sales lifted the shares".)
            if q > m
                && pending[q + 1..].iter().any(|p| {
                    p.clause == candidate.clause
                        && is_movement(kind_of(p))
                        && !is_named_event(lexicon, slots, lower, p.slot)
                        && p.word.saturating_sub(candidate.word) <= SUBJECT_WINDOW
                        // "lost subscribers after raising prices": a movement in a clause of
                        // cause has its own subject.
                        && !slots[candidate.slot..p.slot].iter().any(|s| s.kind == SlotKind::Cause)
                })
                && !(distance <= 1 && is_comparative(&lexicon.entry(pending[m].cue.entry).term))
                && !(distance == 0 && pending[m].slot == 0 && slots[0].text(lower).ends_with("ing"))
            {
                continue;
            }
            // "lower rates without reigniting price pressures": within a clause, a movement does
            // not reach past another movement to a quantity; the nearer one is what moved it. (A
            // movement opening a comma clause still reaches back: "rose 3%, down from 4%".)
            let (lo, hi) = if q < m { (q, m) } else { (m, q) };
            if same_clause
                && pending[lo + 1..hi].iter().any(|p| {
                    is_movement(kind_of(p))
                        && !is_attributive(lexicon, slots, lower, p.slot)
                        && !is_named_event(lexicon, slots, lower, p.slot)
                })
            {
                continue;
            }
            // A quantity right after the movement is its object ("lifts shares", "costs erode
            // their returns"), the first choice; else prefer the subject before the verb ("profit
            // rose") over a quantity after it, and any quantity of the movement's own clause over
            // one of the clause before ("posts a loss, cuts its dividend" pairs "cuts" with
            // "dividend"). A quantity that a figure is a share of ("reached 104% of national
            // income") is the last choice: "cut 10% of its jobs" has no other.
            let object = q > m && same_clause && is_object(lexicon, slots, pending[m].slot, candidate.slot);
            let score = if object { 0 } else { 1 + distance * 2 + usize::from(q > m) }
                + if same_clause { 0 } else { CLAUSE_BEFORE }
                + if is_share_base(slots, candidate.slot) { SHARE_BASE } else { 0 };
            if best.is_none_or(|(s, _)| score < s) {
                best = Some((score, q));
            }
        }
        let Some(q) = best.map(|(_, q)| q).or_else(|| antecedent(lexicon, slots, m, pending)) else {
            if kind_of(&pending[m]) == Kind::End {
                end_subject(slots, m, pending);
            }
            continue;
        };
        absorb_object(lexicon, q, pending);
        let q = if q < m { subject_head(lexicon, slots, lower, q, pending, &kind_of) } else { q };
        // "inflation came in below forecasts": a benchmark after the movement is what its
        // subject was measured against, so the subject's quality decides.
        let measured = (q > m && names_benchmark(lexicon, &pending[q]))
            .then(|| benchmarked_subject(m, pending, &kind_of))
            .flatten();
        let good = match measured {
            Some(subject) => {
                pending[subject].cue.absorb();
                kind_of(&pending[subject]) == Kind::Good
            }
            // "missed its emissions target": beating or missing a benchmark is good or bad news
            // whatever the quantity it is set for.
            None => {
                kind_of(&pending[q]) == Kind::Good
                    || kind_of(&pending[q]) == Kind::Cue && tone(&pending[q].cue) > 0.0
                    || beats(&lexicon.entry(pending[m].cue.entry).term)
                        && is_benchmark(lexicon, slots, &pending[q])
            }
        };
        let quality = if good { 1.0 } else { -1.0 };
        // A change of state says more than the direction: "slipped to a net loss" (a
        // destination) and "the loss was EUR 0.8 mn, down from a profit" (a baseline of the
        // other kind) are bad news whichever way the figure moved; a profit reached is good.
        let direction = if q > m && is_destination(lexicon, slots, pending[m].slot, pending[q].slot)
            || crosses_from_other_kind(slots, m, quality, pending, &kind_of)
        {
            1.0
        } else if q > m
            && outdoes(&lexicon.entry(pending[m].cue.entry).term)
            && !is_benchmark(lexicon, slots, &pending[q])
        {
            // "rents rose 11%, outpacing wage growth": what is outpaced fell behind.
            -direction
        } else {
            direction
        };
        let mut intensity = f64::from(lexicon.entry(pending[m].cue.entry).weight);
        // "slipped to their lowest level in eight years": a destination that is itself a
        // movement of the same direction says how far it went.
        if let Some(d) = destination_movement(lexicon, slots, pending, m) {
            intensity = intensity.max(f64::from(lexicon.entry(pending[d].cue.entry).weight));
            pending[d].cue.absorb();
        }
        let quantity_negated = pending[q].cue.has(Rule::Negated);
        let quantity_span = pending[q].cue.span;
        pending[q].cue.absorb();
        let Pending { cue: movement, factor, .. } = &mut pending[m];
        movement.compose(direction * quality * intensity, quantity_span);
        // A negated quantity ("no profit growth") turns the pair around too.
        if quantity_negated && !movement.has(Rule::Negated) {
            *factor *= NEGATION;
            movement.rules |= Rule::Negated as u32;
        }
    }
}

/// Whether a clause before `turn` (clauses count boundaries) reports a view that the clause
/// after the semicolon answers: a doubter or critic said it ([`DOUBTERS`], [`CRITICS`]: "Critics
/// said heat pumps would never catch on; ..."), or it was held of something ("was dismissed as
/// a gimmick", "were hailed as a breakthrough": a form of "be", perhaps an adverb, then one of
/// [`PAST_VIEW_VERBS`]). Not a view merely dated ("a decade ago"): the lexicons' past
/// imaginings ("would have seemed absurd") already read the way the answer does.
fn view_before(slots: &[Slot], lower: &str, turn: u32) -> bool {
    let after_be = |w: &str| BE_FORMS.contains(&w);
    let adverb = |w: &str| w.ends_with("ly") || PAST_VIEW_ADVERBS.contains(&w);
    let mut clause = 0u32;
    let (mut before, mut two_before) = ("", "");
    for slot in slots {
        if matches!(slot.kind, SlotKind::Boundary(_)) {
            clause += 1;
        }
        if clause >= turn {
            return false;
        }
        for word in slot.text(lower).split(' ') {
            let view = DOUBTERS.contains(&word)
                || CRITICS.contains(&word)
                || PAST_VIEW_VERBS.contains(&word)
                    && (after_be(before) || adverb(before) && after_be(two_before));
            if view {
                return true;
            }
            (two_before, before) = (before, word);
        }
    }
    false
}

/// Those who criticise: their view, before a semicolon, is one the rest of the sentence answers.
const CRITICS: [&str; 3] = ["critics", "detractors", "opponents"];
/// Forms of "be" before a verb of a view held ("was dismissed as").
const BE_FORMS: [&str; 5] = ["was", "were", "been", "is", "are"];

/// The slots of a view the sentence overturns, if any: a verb of a view held of something
/// ([`PAST_VIEW_VERBS`]) dated as past by an adverb right before it ([`PAST_VIEW_ADVERBS`]), up
/// to the next punctuation: "the citizens' assembly model, once dismissed as a gimmick, is
/// producing recommendations", "rural co-ops, long mocked as relics of the New Deal, are
/// turning out to be nimble", "once hailed as a miracle, the scheme has ...".
fn past_view(slots: &[Slot], lower: &str) -> Option<std::ops::Range<usize>> {
    // The adverb is a word of its own; only after one is the next slot's first word read.
    let adverb = slots.windows(2).position(|pair| {
        PAST_VIEW_ADVERBS.contains(&pair[0].text(lower))
            && PAST_VIEW_VERBS.contains(&pair[1].first_word(lower))
    })?;
    Some(adverb + 1..boundary_from(slots, adverb + 2))
}

/// The slots naming the state a change left, if any: between "from", right after a verb of
/// change ([`CHANGE_VERBS`], perhaps with its object between: "turned the firm from"), and the "to" or
/// "into" within [`LEFT_STATE_REACH`] words of it, in its clause, with no figure between ("has gone
/// from stranded asset to strategic asset", "turned it from a cautionary tale into a model").
/// A range of figures ("went from 61% to 84%") is [`compose_ranges`]'s.
fn left_state(slots: &[Slot], lower: &str) -> Option<std::ops::Range<usize>> {
    slots.iter().enumerate().find_map(|(f, from)| {
        if from.kind != SlotKind::From
            || !(f.saturating_sub(3)..f).any(|k| CHANGE_VERBS.contains(&slots[k].first_word(lower)))
        {
            return None;
        }
        let state = &slots[f + 1..];
        let to = state
            .iter()
            .take_while(|s| s.kind.is_word())
            .take(LEFT_STATE_REACH)
            .position(|s| s.kind == SlotKind::To)?;
        let figures = state[..to].iter().any(|s| matches!(s.kind, SlotKind::Number(_) | SlotKind::Year));
        (!figures).then_some(f + 1..f + 1 + to)
    })
}

/// The slots of a claim the sentence refutes, if any: the relative clause of a subject that
/// opens the sentence ("Investors who", "Those who", "The doom-mongers who") when its verb
/// reports a doubt or a bet against something ([`REFUTING_VERBS`], after at most one "had",
/// "has" or "have") or its subject is a doubter ([`DOUBTERS`]). The clause runs from the verb to
/// the main verb ([`MAIN_VERBS`]) or the first punctuation. The rest of such a sentence says
/// they were wrong: "Investors who fled media stocks last year may soon discover they sold at
/// the wrong moment", "Those who said walk-in clinics would never work should visit one".
fn refuted_claim(slots: &[Slot], lower: &str) -> Option<std::ops::Range<usize>> {
    let word = |i: usize| slots.get(i).map_or("", |s| s.text(lower));
    // "Investors cheering the record should ask ...", "Anyone still predicting a recession should
    // look at ...": a participle of betting or believing after the subject words is the clause.
    let participle = (1..=3).find(|&i| {
        let first = slots.get(i).map_or("", |s| s.first_word(lower));
        REFUTING_PARTICIPLES.contains(&first) && !BE_FORMS.contains(&word(i - 1))
    });
    let who = match participle {
        Some(at) => at - 1,
        None => (1..=3).find(|&i| word(i) == "who")?,
    };
    if slots[..=who].iter().any(|s| !s.kind.is_word()) {
        return None;
    }
    let verb = match participle {
        Some(at) => at,
        None if matches!(word(who + 1), "had" | "has" | "have") => who + 2,
        None => who + 1,
    };
    let doubter = (0..who).any(|i| DOUBTERS.contains(&word(i)));
    if participle.is_none() && !(doubter || REFUTING_VERBS.contains(&word(verb))) {
        return None;
    }
    let end = (verb + 1..slots.len())
        .find(|&i| {
            matches!(slots[i].kind, SlotKind::Boundary(_)) || MAIN_VERBS.contains(&slots[i].first_word(lower))
        })
        .unwrap_or(slots.len());
    // A participle's clause is a view refuted only when advice follows it ("should ask", "might
    // recall"), not a plain statement ("Traders piling into the fund are doing well").
    if participle.is_some() && !slots.get(end).is_some_and(|s| ADVICE_VERBS.contains(&s.first_word(lower))) {
        return None;
    }
    Some(who + 1..end)
}

/// The verbs of advice that end a participle's refuted clause ([`REFUTING_PARTICIPLES`]).
const ADVICE_VERBS: [&str; 4] = ["should", "might", "may", "must"];

/// The movement after `m` that names where `m` ended, if any: after "to" and at most
/// [`DESTINATION_REACH`] articles, plain words or figures, in its clause, of the same direction
/// ("slipped to their lowest level", "rose to a record").
fn destination_movement(lexicon: &Lexicon, slots: &[Slot], pending: &[Pending], m: usize) -> Option<usize> {
    let d = m + 1;
    let (mover, end) = (&pending[m], pending.get(d)?);
    let kind = |p: &Pending| lexicon.entry(p.cue.entry).kind;
    if end.clause != mover.clause || end.cue.has(Rule::Hedge) || kind(end) != kind(mover) {
        return None;
    }
    match &slots[mover.slot + 1..end.slot] {
        [to, rest @ ..] if to.kind == SlotKind::To && rest.len() <= DESTINATION_REACH => rest
            .iter()
            .all(|s| matches!(s.kind, SlotKind::Determiner | SlotKind::Plain | SlotKind::Number(_)))
            .then_some(d),
        _ => None,
    }
}

/// Absorbs the movements of a noun phrase that restates the change before it. After a comma or
/// dash, an article or possessive opens a phrase of at most [`ECHO_REACH`] plain words, figures,
/// modifiers and movements that ends in a movement of the same direction as the last movement of
/// the clause before: "fell 9%, the fourth consecutive decline", "have declined for seven months,
/// the longest slump since 2011". The change was counted once; its restatement, and a movement
/// that only says how big it was ("longest"), is not news of its own. A restatement that took the
/// subject itself ("rose 12 cents, the fastest increase") confirms the pair and is kept.
fn absorb_echoes(lexicon: &Lexicon, slots: &[Slot], pending: &mut [Pending]) {
    let kind =
        |p: &Pending| if p.cue.has(Rule::Hedge) { Kind::Hedge } else { lexicon.entry(p.cue.entry).kind };
    let rises = |p: &Pending| kind(p) == Kind::Up;
    for (b, boundary) in slots.iter().enumerate() {
        if !matches!(boundary.kind, SlotKind::Boundary(b',' | b'-'))
            || slots.get(b + 1).is_none_or(|s| s.kind != SlotKind::Determiner)
        {
            continue;
        }
        let Some(mover) = pending.iter().rposition(|p| p.slot < b && is_movement(kind(p))) else { continue };
        if slots[pending[mover].slot + 1..b].iter().any(|s| matches!(s.kind, SlotKind::Boundary(_))) {
            continue;
        }
        let phrase = b + 2
            ..b + 2
                + slots[b + 2..]
                    .iter()
                    .take(ECHO_REACH + 1)
                    .take_while(|s| {
                        matches!(s.kind, SlotKind::Plain | SlotKind::Number(_) | SlotKind::Entry(_))
                    })
                    .count();
        let members = pending.iter().position(|p| phrase.contains(&p.slot)).map_or(0..0, |first| {
            first..first + pending[first..].iter().take_while(|p| phrase.contains(&p.slot)).count()
        });
        let Some(head) = members.clone().last() else { continue };
        let fits = |p: &Pending| is_movement(kind(p)) || matches!(kind(p), Kind::Booster | Kind::Dampener);
        if pending[head].slot + 1 != phrase.end
            || !is_movement(kind(&pending[head]))
            || rises(&pending[head]) != rises(&pending[mover])
            || !pending[members.clone()].iter().all(fits)
        {
            continue;
        }
        let head_rises = rises(&pending[head]);
        for p in &mut pending[members] {
            if is_movement(kind(p)) && (!p.cue.has(Rule::Composed) || rises(p) != head_rises) {
                p.cue.absorb();
            }
        }
    }
}

/// The movement in the object's place of the movement `m`, if any: "halted the slide", "slowed
/// cognitive decline", "reversing two decades of decline", a change of a change. It follows `m`
/// in its clause after an article, a plain word or both, or after a span of time and "of"; neither
/// is a comparative or particle ("rose more", "edged up"), and it does not describe a plain noun
/// after it ("restore its lost luster"). A plain word alone frames it only after a verb in the
/// past tense and before a noun ("slowed cognitive decline", not "falling yields mean rising
/// prices").
fn object_movement(lexicon: &Lexicon, slots: &[Slot], pending: &[Pending], m: usize) -> Option<usize> {
    let is_change = |p: &Pending| !p.cue.has(Rule::Hedge) && is_movement(lexicon.entry(p.cue.entry).kind);
    let mover = &pending[m];
    let next = m + 1;
    let inner = pending.get(next).filter(|p| is_change(mover) && is_change(p) && p.clause == mover.clause)?;
    let (outer, term) = (&lexicon.entry(mover.cue.entry).term, &lexicon.entry(inner.cue.entry).term);
    if is_comparative(term)
        || is_comparative(outer)
        || PARTICLES.contains(&&**term)
        || PARTICLES.contains(&&**outer)
        // "its lost luster": a movement right before a plain noun describes that noun.
        || slots.get(inner.slot + 1).is_some_and(|s| s.kind == SlotKind::Plain)
    {
        return None;
    }
    let between = &slots[mover.slot + 1..inner.slot];
    let is = |slot: &Slot, kind: SlotKind| slot.kind == kind;
    let framed = match between {
        // "two decades of decline", "years of decline": a span of time and "of".
        [span @ .., of] if matches!(of.kind, SlotKind::Of(_)) && (1..=3).contains(&span.len()) => span
            .iter()
            .all(|s| matches!(s.kind, SlotKind::Determiner | SlotKind::Number(_) | SlotKind::Plain)),
        [one] if is(one, SlotKind::Determiner) => true,
        [one] if is(one, SlotKind::Plain) => {
            outer.ends_with("ed") && !term.ends_with("ed") && !term.ends_with("ing")
        }
        [article, word] => is(article, SlotKind::Determiner) && is(word, SlotKind::Plain),
        _ => false,
    };
    framed.then_some(next)
}

/// Composes each movement whose object is another movement (`object_movement`) with it, after
/// the other has found its own quantity: "reversed the fall in lending" reverses a fall of
/// lending (bad news), so it is good news; "slowed cognitive decline" slows a decline with no
/// quantity, whose own tone is bad. The inner movement is absorbed.
fn compose_changes_of_changes(lexicon: &Lexicon, slots: &[Slot], lower: &str, pending: &mut [Pending]) {
    for m in 0..pending.len() {
        let Some(n) = object_movement(lexicon, slots, pending, m)
            .or_else(|| subject_movement(lexicon, slots, lower, pending, m))
        else {
            continue;
        };
        // The inner movement's quality: its pair's sign, or its own tone. A pair that came to
        // nothing ("held steady") gives nothing to move; a fall with neither quantity nor tone
        // ("halted the slide") is still a fall of something, bad news; a rise of nothing named
        // says nothing.
        let inner = &pending[n].cue;
        // "the decline in sales accelerated": a quantity between them is what the inner movement
        // moved, so the quantity and the inner direction give the inner change its quality.
        let between = (n + 2 == m).then(|| quantity_sign(lexicon, &pending[n + 1])).flatten();
        let quality = match (between, tone(inner)) {
            (Some(quantity), _) => {
                quantity * if lexicon.entry(inner.entry).kind == Kind::Up { 1.0 } else { -1.0 }
            }
            (None, 0.0) if inner.has(Rule::Composed) || lexicon.entry(inner.entry).kind == Kind::Up => {
                continue
            }
            (None, 0.0) => -1.0,
            (None, quality) => quality,
        };
        let entry = lexicon.entry(pending[m].cue.entry);
        let direction = if entry.kind == Kind::Up { 1.0 } else { -1.0 };
        let intensity = f64::from(entry.weight);
        let inner_span = inner.span;
        pending[n].cue.absorb();
        pending[m].cue.compose(direction * quality * intensity, inner_span);
    }
}

/// The movement named as the subject of the movement `m`, if any: "the decline is slowing",
/// "the slowdown has eased", a change of a change said the other way round. It is the cue right
/// before `m` in its clause, after an article or possessive (a noun), with only auxiliaries
/// ([`AUXILIARIES`]) between them, or with the phrase of the quantity it moved too ("the decline
/// in sales accelerated", [`SUBJECT_PHRASE_PREPOSITIONS`]).
fn subject_movement(
    lexicon: &Lexicon,
    slots: &[Slot],
    lower: &str,
    pending: &[Pending],
    m: usize,
) -> Option<usize> {
    let is_change = |p: &Pending| !p.cue.has(Rule::Hedge) && is_movement(lexicon.entry(p.cue.entry).kind);
    let n = m.checked_sub(1)?;
    let (inner, outer) = (&pending[n], &pending[m]);
    // "the decline in sales accelerated": the movement named as the subject may be followed by
    // the phrase of what it moved ("in", "of", "among", "for" or "on", then articles and plain
    // words, then the quantity).
    if !is_change(inner) && n > 0 && is_change(outer) {
        let (inner, quantity) = (&pending[n - 1], &pending[n]);
        if !(is_change(inner) && inner.clause == outer.clause && quantity_sign(lexicon, quantity).is_some())
            || inner.slot >= quantity.slot
        {
            return None;
        }
        let phrase = &slots[inner.slot + 1..quantity.slot];
        let joined =
            phrase.first().is_some_and(|s| {
                matches!(s.kind, SlotKind::Of(_))
                    || s.kind == SlotKind::Function && SUBJECT_PHRASE_PREPOSITIONS.contains(&s.text(lower))
            }) && phrase[1..].iter().all(|s| matches!(s.kind, SlotKind::Determiner | SlotKind::Plain));
        let noun = inner.slot.checked_sub(1).is_some_and(|b| slots[b].kind == SlotKind::Determiner);
        let auxiliaries =
            slots[quantity.slot + 1..outer.slot].iter().all(|s| AUXILIARIES.contains(&s.text(lower)));
        return (noun && joined && auxiliaries).then_some(n - 1);
    }
    if !(is_change(inner) && is_change(outer) && inner.clause == outer.clause) {
        return None;
    }
    let noun = inner.slot.checked_sub(1).is_some_and(|b| slots[b].kind == SlotKind::Determiner);
    let between = &slots[inner.slot + 1..outer.slot];
    let auxiliaries = !between.is_empty() && between.iter().all(|s| AUXILIARIES.contains(&s.text(lower)));
    (noun && auxiliaries).then_some(n)
}

/// Whether the evaluative cue `cue` is what the movement `mover` moves, as a quantity of its
/// tone: "halted the decline", "eroded the trust", "narrowed the gap" (after the movement and
/// an article or possessive, where the movement is a verb), or "fewer crashes", "greater
/// uncertainty" (right after a comparative), or "ease chronic shortages" (right after a verb of
/// ending, which always takes an object). Not for verbs whose object is a contest or a thing
/// taken away, whatever its tone ("lost the lawsuit", "missed the crisis", "lifted the ban"), nor
/// for those that beat or outdo what follows them ("beat rivals").
fn is_evaluative_object(lexicon: &Lexicon, slots: &[Slot], mover: &Pending, cue: &Pending) -> bool {
    if cue.slot <= mover.slot {
        return false;
    }
    let term = &lexicon.entry(mover.cue.entry).term;
    // Right after the movement only for a comparative or a verb of ending; another verb needs its
    // article.
    let adjacent = is_object(lexicon, slots, mover.slot, cue.slot)
        && (cue.slot > mover.slot + 1
            || is_comparative(term)
            || lexicon.entry(mover.cue.entry).kind == Kind::End);
    adjacent
        && cue.clause == mover.clause
        && tone(&cue.cue) != 0.0
        && !cue.cue.has(Rule::Hedge)
        && !beats(term)
        && !outdoes(term)
        && !TAKING_AWAY.iter().any(|stem| term.starts_with(stem))
        && !PARTICLES.contains(&&**term)
}

/// The sign that decides an evaluative cue's quality: its stance, or its sentiment when it has
/// no stance; 0 for a cue with neither (one another movement already absorbed).
fn tone(cue: &Cue) -> f64 {
    if cue.base_stance != 0.0 {
        cue.base_stance.signum()
    } else if cue.base_sentiment != 0.0 {
        cue.base_sentiment.signum()
    } else {
        0.0
    }
}

/// Whether the movement at slot `m` is a comparative, or a participle after an article (a
/// present one also after [`PARTICIPLE_OPENERS`]), used as an adjective: right before a plain word whose noun phrase has no
/// quantity within [`ATTRIBUTIVE_REACH`] words ("smaller borrowers", "older workers", "mounting
/// lease dues", "the upgraded network"; not "lower second quarter EPS", nor "fewer", which
/// counts).
fn is_attributive(lexicon: &Lexicon, slots: &[Slot], lower: &str, m: usize) -> bool {
    let SlotKind::Entry(id) = slots[m].kind else { return false };
    let term = &lexicon.entry(id).term;
    // "the upgraded network", "its expanded plant": a participle after an article or possessive.
    // "amid mounting lease dues": a present participle also after "amid", "despite" or "with".
    let before = m.checked_sub(1).map(|b| &slots[b]);
    let after_article = before.is_some_and(|s| s.kind == SlotKind::Determiner);
    let after_amid = before.is_some_and(|s| PARTICIPLE_OPENERS.contains(&s.text(lower)));
    let participle = !term.contains(' ')
        && (term.ends_with("ed") && after_article || term.ends_with("ing") && (after_article || after_amid));
    if !(is_comparative(term) || participle) || COUNTING.contains(&&**term) {
        return false;
    }
    if !slots.get(m + 1).is_some_and(|s| s.kind == SlotKind::Plain) {
        return false;
    }
    // The noun phrase after it runs over plain words, figures and "of"; a quantity that ends it
    // is what the comparative moves ("a lower second quarter EPS", "a shrinking inventory of
    // foreclosures").
    !slots[m + 1..]
        .iter()
        .take(ATTRIBUTIVE_REACH)
        .take_while(|s| {
            matches!(s.kind, SlotKind::Plain | SlotKind::Number(_) | SlotKind::Of(_))
                || is_quantity(lexicon, s)
        })
        .any(|s| is_quantity(lexicon, s))
}

/// Prepositions that join a movement named as a subject to what it moved ("the decline in sales").
const SUBJECT_PHRASE_PREPOSITIONS: [&str; 4] = ["in", "among", "for", "on"];
/// Auxiliaries between a movement named as a subject and the movement said of it ("the decline
/// is slowing", "the slump has finally eased").
const AUXILIARIES: [&str; 9] = ["is", "was", "are", "were", "has", "have", "had", "been", "finally"];

/// Whether the movement at slot `m` follows a preposition, with at most an article between:
/// "of" or "from", one of [`EVENT_PREPOSITIONS`], or a term that ends in one ("fears of a
/// crash"). Then it names an event ("complaints about crashes", "the risk of outages from falls
/// in output") rather than saying what a quantity before it did.
fn is_named_event(lexicon: &Lexicon, slots: &[Slot], lower: &str, m: usize) -> bool {
    // A participle after a preposition is still a verb of its clause ("costs show no sign of
    // easing", "the cost of raising animals").
    let word = slots[m].text(lower);
    if word.ends_with("ing") || word.ends_with("ed") {
        return false;
    }
    let Some(mut before) = m.checked_sub(1) else { return false };
    if slots[before].kind == SlotKind::Determiner {
        let Some(earlier) = before.checked_sub(1) else { return false };
        before = earlier;
    }
    match slots[before].kind {
        SlotKind::Of(_) => true,
        // Not "since", a baseline too, but also an adverb ("complaints have since halved").
        SlotKind::From | SlotKind::Function | SlotKind::Plain => {
            EVENT_PREPOSITIONS.contains(&slots[before].text(lower))
        }
        SlotKind::Entry(id) => OBJECT_MARKERS.iter().any(|marker| lexicon.entry(id).term.ends_with(marker)),
        _ => false,
    }
}

/// Prepositions after which a movement is a noun ("complaints about crashes"). Not "in" or "on",
/// which also open states ("in decline", "on the rise").
const EVENT_PREPOSITIONS: [&str; 4] = ["about", "over", "for", "from"];

/// Words after which a present participle describes the noun after it ("amid mounting lease
/// dues"), not a verb.
const PARTICIPLE_OPENERS: [&str; 4] = ["amid", "amidst", "despite", "with"];

/// Whether the movement at slot `m` is a particle ("above", "below", "up", "down") right after
/// another movement, which it only completes: "rose above 100 percent of output", "fell below".
fn continues_a_movement(lexicon: &Lexicon, slots: &[Slot], m: usize) -> bool {
    let SlotKind::Entry(id) = slots[m].kind else { return false };
    PARTICLES.contains(&&*lexicon.entry(id).term)
        && m > 0
        && matches!(slots[m - 1].kind, SlotKind::Entry(e) if is_movement(lexicon.entry(e).kind))
}

/// Whether the movement at slot `m` has a plain noun as its object: right after it or after an
/// article or possessive, and not a modifier or measure of what follows (a figure: "cut nearly
/// 2,000 jobs"; another plain word or a quantity: "boosted car sales"; "of" or "to": "cut a total
/// of 28 jobs", "cutting their exposure to equities").
fn has_plain_object(lexicon: &Lexicon, slots: &[Slot], m: usize) -> bool {
    let mut at = m + 1;
    if slots.get(at).is_some_and(|s| s.kind == SlotKind::Determiner) {
        at += 1;
    }
    slots.get(at).is_some_and(|s| s.kind == SlotKind::Plain)
        && !slots.get(at + 1).is_some_and(|s| {
            matches!(s.kind, SlotKind::Number(_) | SlotKind::Plain | SlotKind::Of(_) | SlotKind::To)
                || is_quantity(lexicon, s)
        })
}

/// Whether a movement says an event did not happen ("did not materialise", "never hurt", "failed
/// to arrive"): it ends its subject and moves nothing after it ("the strike did not hurt sales").
fn denies_an_event(lexicon: &Lexicon, mover: &Pending) -> bool {
    let entry = lexicon.entry(mover.cue.entry);
    entry.kind == Kind::End && DENIALS.iter().any(|denial| entry.term.starts_with(denial))
}

/// Whether a slot is a quantity entry.
fn is_quantity(lexicon: &Lexicon, slot: &Slot) -> bool {
    matches!(slot.kind, SlotKind::Entry(id) if matches!(lexicon.entry(id).kind, Kind::Good | Kind::Bad))
}

/// Whether the quantity at slot `q` is the object of the movement at slot `m`: right after it,
/// or after one article or possessive ("erode their returns", "lifts shares"), which a part of
/// ("wipe out most of its annual profit") and one plain word may frame. The plain word may also
/// stand alone, saying whose or which quantity it is ("cut approval times", "reduced markers of
/// brain strain"), after a verb; a particle compares rather than moves ("below market rates").
fn is_object(lexicon: &Lexicon, slots: &[Slot], m: usize, q: usize) -> bool {
    let mut between = &slots[m + 1..q];
    if let [part, of, rest @ ..] = between {
        if matches!(part.kind, SlotKind::Plain | SlotKind::Entry(_)) && matches!(of.kind, SlotKind::Of(_)) {
            between = rest;
        }
    }
    match between {
        [] => true,
        [between] => {
            between.kind == SlotKind::Determiner
                || between.kind == SlotKind::Plain
                    && matches!(slots[m].kind, SlotKind::Entry(id) if !PARTICLES.contains(&&*lexicon.entry(id).term))
        }
        [article, word] => article.kind == SlotKind::Determiner && word.kind == SlotKind::Plain,
        _ => false,
    }
}

/// Whether the quantity at slot `q` is where the movement at slot `m` ends up: "to" right after
/// the movement, and the quantity within [`DESTINATION_REACH`] words of it ("slipped to a net
/// loss", "swung to an operating profit"). After a change named as a noun ([`NAMED_CHANGES`]),
/// "to" names what is changed ("cuts to staffing", "increases to pensions"), unless a figure
/// follows it ("a cut to 2%").
fn is_destination(lexicon: &Lexicon, slots: &[Slot], m: usize, q: usize) -> bool {
    let mut words = slots[m + 1..q].iter().filter(|s| s.kind.is_word());
    if !(words.next().is_some_and(|s| s.kind == SlotKind::To) && words.count() < DESTINATION_REACH) {
        return false;
    }
    let SlotKind::Entry(id) = slots[m].kind else { return true };
    !NAMED_CHANGES.contains(&&*lexicon.entry(id).term)
        || slots[m + 1..q].iter().any(|s| matches!(s.kind, SlotKind::Number(_)))
}

/// The first "from" after the movement at `m`, if any.
fn from_after(slots: &[Slot], pending: &[Pending], m: usize) -> Option<usize> {
    let after = pending[m].slot + 1;
    slots[after..].iter().position(|s| s.kind == SlotKind::From).map(|at| after + at)
}

/// Whether `p` is a baseline the movement `mover` starts from: after its "from" (at slot
/// `from_slot`), in its clause, within [`COMPOSE_WINDOW`] words of it ("up from a loss").
fn is_baseline(from_slot: usize, mover: &Pending, p: &Pending) -> bool {
    p.slot > from_slot && p.clause == mover.clause && p.word - mover.word <= COMPOSE_WINDOW
}

/// Whether the movement at `m` has a baseline quantity of the other kind than its own (of
/// `quality`): "loss ... down from a profit".
fn crosses_from_other_kind(
    slots: &[Slot],
    m: usize,
    quality: f64,
    pending: &[Pending],
    kind_of: &impl Fn(&Pending) -> Kind,
) -> bool {
    let Some(from_slot) = from_after(slots, pending, m) else { return false };
    pending[m + 1..].iter().any(|p| {
        let baseline = match kind_of(p) {
            Kind::Good => 1.0,
            Kind::Bad => -1.0,
            _ => return false,
        };
        is_baseline(from_slot, &pending[m], p) && baseline == -quality
    })
}

/// "up from a loss", "slipped back from earlier gains", "recovered from the recession": a
/// quantity or evaluative cue the movement at `m` starts from is a baseline, not news of its
/// own; its tone is absorbed.
fn absorb_baselines(slots: &[Slot], m: usize, pending: &mut [Pending], kind_of: &impl Fn(&Pending) -> Kind) {
    let Some(from_slot) = from_after(slots, pending, m) else { return };
    for b in m + 1..pending.len() {
        if is_baseline(from_slot, &pending[m], &pending[b])
            && matches!(kind_of(&pending[b]), Kind::Good | Kind::Bad | Kind::Cue)
        {
            pending[b].cue.absorb();
        }
    }
}

/// "Survival rates have risen to 90 percent, compared with fewer than one in ten in the
/// 1960s": after "compared with" or "versus", when a movement before it was composed, what its
/// clause says is the baseline of that change, not news of its own; its cues are absorbed.
fn absorb_compared_baselines(slots: &[Slot], pending: &mut [Pending]) {
    for (v, versus) in slots.iter().enumerate() {
        if versus.kind != SlotKind::Versus || !pending.iter().any(|p| p.slot < v && p.cue.has(Rule::Composed))
        {
            continue;
        }
        let end = boundary_from(slots, v + 1);
        for p in pending.iter_mut().filter(|p| (v + 1..end).contains(&p.slot) && !p.cue.has(Rule::Hedge)) {
            p.cue.absorb();
        }
    }
}

/// Whether the quantity at `q` was composed with a comparative at most one word before it
/// ("fewer medication errors").
fn held_by_comparative(lexicon: &Lexicon, pending: &[Pending], q: usize) -> bool {
    let quantity = &pending[q];
    pending[..q].iter().rev().take_while(|p| quantity.word - p.word <= 2).any(|p| {
        p.cue.partner == Some(quantity.cue.span)
            && p.cue.has(Rule::Composed)
            && is_comparative(&lexicon.entry(p.cue.entry).term)
    })
}

/// Whether the quantity at slot `q` is what a figure is a share of: "of" right after the figure
/// at most one word before it ("104% of national income", "3% of GDP").
fn is_share_base(slots: &[Slot], q: usize) -> bool {
    slots[..q].iter().rev().take(2).take_while(|s| s.kind.is_word()).any(|s| s.kind == SlotKind::ShareOf)
}

/// Whether the cue at slot `c` is what a measure before it counts: a noun of counting or
/// measuring and "of" at most [`MEASURE_REACH`] words before it, in its clause ("the number of
/// firms filing for insolvency", "the value of bad loans"). A movement of that measure moves the
/// cue as a quantity of its tone.
fn is_measured(slots: &[Slot], c: usize) -> bool {
    slots[..c]
        .iter()
        .rev()
        .take_while(|s| s.kind.is_word())
        .take(MEASURE_REACH + 1)
        .any(|s| s.kind == SlotKind::Of(true))
}

/// Whether an evaluative cue is a movement's subject on its own: one plural or abstract noun
/// (or a compound that ends in an abstract noun: "fuel poverty") right before it in its clause or before a phrase of at most [`BARE_SUBJECT_PHRASE`] plain
/// words after "in", "of", "for" or the like ("approvals fell", "hopes in the region rose"),
/// the head of its noun phrase, and the movement has no object. It moves as a quantity of its
/// tone.
fn is_bare_subject(lexicon: &Lexicon, slots: &[Slot], cue: &Pending, mover: &Pending) -> bool {
    if cue.slot >= mover.slot {
        return false;
    }
    let term = &lexicon.entry(cue.cue.entry).term;
    // Right before it, or before a short phrase that says where or of what ("approvals in
    // Poland fell").
    let joined = match &slots[cue.slot + 1..mover.slot] {
        [] => true,
        [first, rest @ ..] => {
            matches!(first.kind, SlotKind::Function | SlotKind::Or | SlotKind::Of(_))
                && (1..=BARE_SUBJECT_PHRASE).contains(&rest.len())
                && rest.iter().all(|s| {
                    matches!(
                        s.kind,
                        SlotKind::Plain | SlotKind::Determiner | SlotKind::Number(_) | SlotKind::Year
                    )
                })
        }
    };
    joined
        && cue.clause == mover.clause
        // Intransitive: "storms brought down power lines" moves the lines.
        && !slots.get(mover.slot + 1).is_some_and(|s| matches!(s.kind, SlotKind::Plain | SlotKind::Determiner))
        // The head of its noun phrase: "claims for unemployment benefits dropped" moves claims.
        && !slots[cue.slot.saturating_sub(2)..cue.slot]
            .iter()
            .any(|s| {
                matches!(s.kind, SlotKind::Function | SlotKind::Or | SlotKind::Of(_) | SlotKind::To | SlotKind::From)
            })
        && match term.rsplit_once(' ') {
            None => is_plural(term) || is_abstract_noun(term),
            Some((_, head)) => is_abstract_noun(head),
        }
        && !cue.cue.has(Rule::Hedge)
}

/// Whether a phrase is a judgement said of something ("casts doubt on", "is a slogan", "before
/// peer review", "priced out of") rather than a thing that can be opposed ("job losses", "the
/// housing crisis"): it opens with a copula, negation, degree word, preposition or participle,
/// or ends in a preposition.
fn is_judgement_phrase(term: &str) -> bool {
    let Some((first, _)) = term.split_once(' ') else {
        return false;
    };
    let last = term.rsplit_once(' ').map_or(term, |(_, last)| last);
    JUDGEMENT_OPENERS.contains(&first) || JUDGEMENT_ENDINGS.contains(&last) || first.ends_with("ed")
}

/// First words of a phrase that is said of something: a copula, a negation, a degree or a
/// preposition ("is a slogan", "too small", "at peak prices").
const JUDGEMENT_OPENERS: [&str; 24] = [
    "is", "are", "was", "were", "be", "been", "not", "no", "too", "at", "above", "below", "before", "after",
    "by", "in", "on", "with", "without", "far", "still", "has", "have", "had",
];
/// Last words of a phrase that takes an object of its own ("casts doubt on", "doubts about
/// whether").
const JUDGEMENT_ENDINGS: [&str; 9] = ["on", "of", "about", "whether", "that", "to", "in", "from", "for"];

/// Whether a word looks like an abstract noun ("poverty", "inequality", "corruption",
/// "harassment"), which can be a movement's subject in the singular.
fn is_abstract_noun(word: &str) -> bool {
    ["ty", "ness", "tion", "sion", "ment", "ism"].iter().any(|ending| word.ends_with(ending))
}

/// Whether a word looks like a plural noun: it ends in "s", but not in "ss", "us" or "is"
/// ("approvals", not "progress", "bonus" or "crisis").
fn is_plural(term: &str) -> bool {
    term.ends_with('s') && !["ss", "us", "is"].iter().any(|ending| term.ends_with(ending))
}

/// Whether a hedge term withholds an answer: a negated verb of saying that ends in a question
/// word ("did not say whether", "declined to disclose how much", "has yet to explain how").
fn withholds_an_answer(term: &str) -> bool {
    term.rsplit_once(' ').is_some_and(|(saying, last)| {
        QUESTION_WORDS.contains(&last) && saying.split(' ').any(|word| WITHHOLDING.contains(&word))
    })
}

/// Question words that end a withheld answer ("did not say whether").
const QUESTION_WORDS: [&str; 9] = ["how", "whether", "when", "what", "why", "where", "if", "which", "much"];
/// Words that deny or withhold the saying before a question word.
const WITHHOLDING: [&str; 8] =
    ["not", "didn't", "doesn't", "wouldn't", "hasn't", "yet", "declined", "refused"];

/// Whether "or" follows the hedge at `i` within [`WHETHER_REACH`] words of its clause: the
/// question offers alternatives ("whether it helps or hurts").
fn offers_alternatives(slots: &[Slot], i: usize) -> bool {
    let mut words = 0;
    for slot in &slots[i + 1..] {
        match slot.kind {
            SlotKind::Or => return true,
            SlotKind::Boundary(_) => return false,
            kind if kind.is_word() => {
                words += 1;
                if words > WHETHER_REACH {
                    return false;
                }
            }
            _ => {}
        }
    }
    false
}

/// Whether a movement says a benchmark was beaten or missed ("beat", "missed", "topped",
/// "fell short", "exceeded").
fn beats(term: &str) -> bool {
    BEATING.iter().any(|stem| term.starts_with(stem))
}

/// Whether a movement says its subject outdid its object ("outpace", "outstrip", "exceed",
/// "surpass", "overtake"): a quantity after it is what fell behind.
fn outdoes(term: &str) -> bool {
    !term.contains(' ') && OUTDOING.iter().any(|stem| term.starts_with(stem))
}

/// Whether the quantity `quantity` is a benchmark ("surpassing the consensus", "exceeded
/// targets") or the first half of one it names with the quantity right after it: "exceeded
/// revenue forecasts". To outdo a benchmark is to beat it.
fn is_benchmark(lexicon: &Lexicon, slots: &[Slot], quantity: &Pending) -> bool {
    names_benchmark(lexicon, quantity)
        || slots.get(quantity.slot + 1).is_some_and(|next| is_quantity(lexicon, next))
}

/// Whether a quantity's term ends in a benchmark word ("forecasts", "the consensus",
/// "expectations").
fn names_benchmark(lexicon: &Lexicon, quantity: &Pending) -> bool {
    let term = &lexicon.entry(quantity.cue.entry).term;
    let last_word = term.rsplit(' ').next().unwrap_or(term);
    BENCHMARKS.iter().any(|stem| last_word.starts_with(stem))
}

/// The quantity a movement toward a benchmark measures: the nearest quantity before the
/// movement at `m` in its clause, within [`SUBJECT_REACH`] words, that no other movement took
/// ("inflation came in below forecasts").
fn benchmarked_subject(m: usize, pending: &[Pending], kind_of: &impl Fn(&Pending) -> Kind) -> Option<usize> {
    let mover = &pending[m];
    pending[..m].iter().rposition(|p| {
        p.clause == mover.clause
            && mover.word - p.word - 1 <= SUBJECT_REACH
            && matches!(kind_of(p), Kind::Good | Kind::Bad)
            && !p.cue.has(Rule::Absorbed)
            && !p.cue.has(Rule::Opposed)
    })
}

/// Whether slot `i` opens a clause: first in the sentence, or after punctuation or "and".
fn starts_clause(slots: &[Slot], i: usize) -> bool {
    i == 0 || matches!(slots[i - 1].kind, SlotKind::Boundary(_) | SlotKind::And)
}

/// Whether an entry kind is a movement.
fn is_movement(kind: Kind) -> bool {
    matches!(kind, Kind::Up | Kind::Down | Kind::End)
}

/// "The crisis abated", "the rally faded", "the worst is behind us": an ending movement that
/// found no quantity ends the evaluative cue named before it, the nearest one of its clause
/// within [`SUBJECT_REACH`] words (a movement too: "the sales rally faded"), which is flipped
/// and damped like a negated cue (× [`NEGATION`]). A negated ending ("has not abated") ends
/// nothing, a negated cue stays as it is, and an ending in a clause of cause ends nothing before
/// its marker ("jumped after the central bank eased limits").
fn end_subject(slots: &[Slot], m: usize, pending: &mut [Pending]) {
    if pending[m].cue.has(Rule::Negated) {
        return;
    }
    let (clause, word, slot) = (pending[m].clause, pending[m].word, pending[m].slot);
    let subject = pending[..m]
        .iter_mut()
        .rev()
        .take_while(|p| {
            p.clause == clause && word - p.word - 1 <= SUBJECT_REACH && !crosses_cause(slots, p.slot, slot)
        })
        .find(|p| !p.cue.has(Rule::Hedge) && (p.cue.base_stance != 0.0 || p.cue.base_sentiment != 0.0));
    if let Some(p) = subject.filter(|p| !p.cue.has(Rule::Negated)) {
        p.factor *= NEGATION;
        p.cue.rules |= Rule::Ended as u32;
    }
}

/// Whether a marker of cause ("after", "because", "as", "amid") stands between two slots: what
/// follows it is a clause of its own ("jumped after the central bank eased limits").
fn crosses_cause(slots: &[Slot], from: usize, to: usize) -> bool {
    slots[from + 1..to].iter().any(|s| s.kind == SlotKind::Cause)
}

/// "Retail sales rose in nominal terms, but adjusted for inflation they fell": a movement that
/// found no quantity of its own and whose subject is a pronoun ("they", "it") within
/// [`PRONOUN_REACH`] words before it moves the nearest quantity named before the pronoun,
/// within [`ANTECEDENT_WINDOW`] words, in any clause and even if another movement took it.
fn antecedent(lexicon: &Lexicon, slots: &[Slot], m: usize, pending: &[Pending]) -> Option<usize> {
    let slot = pending[m].slot;
    let mut words_back = 0;
    let mut pronoun_word = None;
    for s in slots[..slot].iter().rev() {
        if !s.kind.is_word() {
            return None;
        }
        words_back += 1;
        if s.kind == SlotKind::Pronoun {
            pronoun_word = Some(pending[m].word - words_back);
            break;
        }
        if words_back > PRONOUN_REACH {
            return None;
        }
    }
    let pronoun_word = pronoun_word?;
    pending[..m].iter().rposition(|p| {
        p.word < pronoun_word
            && pronoun_word - p.word <= ANTECEDENT_WINDOW
            && !p.cue.has(Rule::Hedge)
            && matches!(lexicon.entry(p.cue.entry).kind, Kind::Good | Kind::Bad)
    })
}

/// Whether the movement at slot `m` is followed, before slot `q`, by "and" with at most
/// [`AND_REACH`] words (an adverb, a figure) between them: "grew and", "rose 4% and".
fn ends_at_and(slots: &[Slot], m: usize, q: usize) -> bool {
    slots[m + 1..q].iter().filter(|s| s.kind.is_word()).take(AND_REACH + 1).any(|s| s.kind == SlotKind::And)
}

/// "easing fears of a credit crunch": a quantity that names what it is about ("fears of", "risk
/// of", "concerns about") carries its object into the pair. The cues of that object within
/// [`OBJECT_WINDOW`] words, quantities too ("easing fears of winter shortages"), are what the
/// fear is of, not news of their own, and are absorbed.
fn absorb_object(lexicon: &Lexicon, q: usize, pending: &mut [Pending]) {
    if !names_its_object(lexicon, &pending[q]) {
        return;
    }
    let (clause, word) = (pending[q].clause, pending[q].word);
    for p in pending[q + 1..].iter_mut() {
        if p.word.saturating_sub(word) > OBJECT_WINDOW {
            break;
        }
        if p.clause != clause
            || p.cue.has(Rule::Hedge)
            || !matches!(lexicon.entry(p.cue.entry).kind, Kind::Cue | Kind::Good | Kind::Bad)
        {
            continue;
        }
        p.cue.absorb();
    }
}

/// Whether the words before a movement (`before`) open a comma clause with it: "Profit was EUR
/// 11 mn, up from EUR 8 mn", "turnout was 84%, the highest in decades", and sized by a figure, "net
/// sales were EUR 128 mn, a 3.3 percent increase" (a plain word only as the figure's unit, so
/// "markets rose, Barclays fell" is two subjects).
fn opens_a_clause(before: &[Slot]) -> bool {
    let mut rest = before;
    if let [head @ .., figure, unit] = rest {
        if matches!(figure.kind, SlotKind::Number(_)) && unit.kind == SlotKind::Plain {
            rest = head;
        }
    }
    if let [head @ .., last] = rest {
        if matches!(last.kind, SlotKind::Number(_)) {
            rest = head;
        }
    }
    if let [head @ .., last] = rest {
        if last.kind == SlotKind::Determiner {
            rest = head;
        }
    }
    rest.last().is_some_and(|slot| matches!(slot.kind, SlotKind::Boundary(_)))
}

/// The subject of a movement whose nearest quantity before it is `q`. A quantity right before
/// it, joined to it by "from", "of", "for", "in" or the like within [`HEAD_REACH`] words, heads
/// the same noun phrase: of the same kind ("deaths from heart disease fell") the movement that
/// took `q` takes its tone too, so the head is absorbed; of the other kind ("approval times for
/// building permits fell", "losses on its loans narrowed") the head is what moved, and `q` only
/// names what it is of.
fn subject_head(
    lexicon: &Lexicon,
    slots: &[Slot],
    lower: &str,
    q: usize,
    pending: &mut [Pending],
    kind_of: &impl Fn(&Pending) -> Kind,
) -> usize {
    let Some(h) = q.checked_sub(1) else { return q };
    let (head, subject) = (&pending[h], &pending[q]);
    if subject.slot <= head.slot + 1 {
        return q;
    }
    // An evaluative noun heads the phrase like a quantity of its tone ("deaths from overdoses").
    let head_kind = match kind_of(head) {
        Kind::Cue if tone(&head.cue) > 0.0 => Kind::Good,
        Kind::Cue if tone(&head.cue) < 0.0 => Kind::Bad,
        kind => kind,
    };
    let joiner =
        |s: &Slot| matches!(s.kind, SlotKind::From | SlotKind::Of(_) | SlotKind::Function | SlotKind::Or);
    // Plain words and figures may describe the noun after "from" or "of" ("deaths from drug
    // overdoses"), also when the head ends in its "of" ("a backlog of 4,000 licence
    // applications").
    let describes = |s: &Slot| {
        joiner(s) || matches!(s.kind, SlotKind::Determiner | SlotKind::Plain | SlotKind::Number(_))
    };
    let head_names_its_object = names_its_object(lexicon, head);
    let joined = match &slots[head.slot + 1..subject.slot] {
        [first, rest @ ..] if is_preposition(first, lower) => rest.iter().all(describes),
        between if head_names_its_object => between.iter().all(describes),
        between => between.iter().all(|s| joiner(s) || s.kind == SlotKind::Determiner),
    };
    let reach = if head_names_its_object { HEAD_REACH + 1 } else { HEAD_REACH };
    if !(head.clause == subject.clause
        && matches!(head_kind, Kind::Good | Kind::Bad)
        && (kind_of(head) != Kind::Cue || head_kind == kind_of(subject))
        && matches!(kind_of(subject), Kind::Good | Kind::Bad)
        && subject.word - head.word <= reach
        && joined)
    {
        return q;
    }
    if head_kind == kind_of(subject) {
        pending[h].cue.absorb();
        q
    } else {
        pending[q].cue.absorb();
        h
    }
}

/// Whether the slot is "from", "of" or a preposition of [`HEAD_PREPOSITIONS`] ("survival rates
/// for childhood leukaemia"), not a verb or another function word.
fn is_preposition(slot: &Slot, lower: &str) -> bool {
    match slot.kind {
        SlotKind::From | SlotKind::Of(_) => true,
        SlotKind::Function => HEAD_PREPOSITIONS.contains(&slot.text(lower)),
        _ => false,
    }
}

/// Whether a slot is a plural possessive: its word ends in "s" and an apostrophe follows it
/// ("members' bills", "users’ complaints").
fn is_plural_possessive(lower: &str, slot: &Slot) -> bool {
    slot.text(lower).ends_with('s')
        && lower.get(slot.end as usize..).is_some_and(|rest| rest.starts_with('\'') || rest.starts_with('’'))
}

/// Whether a quantity's term names what it is about ("fears of", "concerns about").
fn names_its_object(lexicon: &Lexicon, quantity: &Pending) -> bool {
    let term = &lexicon.entry(quantity.cue.entry).term;
    OBJECT_MARKERS.iter().any(|marker| term.ends_with(marker))
}

/// The direction a quantity gives a change: +1 for one good when it grows, −1 for one bad when it
/// grows, none for anything else (a quantity term matched as a hedge is no quantity).
fn quantity_sign(lexicon: &Lexicon, p: &Pending) -> Option<f64> {
    match (p.cue.has(Rule::Hedge), lexicon.entry(p.cue.entry).kind) {
        (false, Kind::Good) => Some(1.0),
        (false, Kind::Bad) => Some(-1.0),
        _ => None,
    }
}

/// Whether a quantity is still free to move: no movement has composed with it and no other cue
/// has absorbed it.
fn unclaimed(p: &Pending) -> bool {
    !p.cue.has(Rule::Composed) && !p.cue.has(Rule::Absorbed)
}

/// Turns "profit was EUR 9 mn compared with EUR 7 mn" into a movement of the quantity: the
/// figure before the comparison marker against the figure after it gives the direction, and
/// a quantity after the marker is the baseline, whose own tone is absorbed.
fn compose_comparisons(lexicon: &Lexicon, slots: &[Slot], offset: u32, pending: &mut [Pending]) {
    for (v, versus) in slots.iter().enumerate() {
        if !matches!(versus.kind, SlotKind::Versus | SlotKind::Against) {
            continue;
        }
        let number = |slot: &Slot| match slot.kind {
            SlotKind::Number(x) => Some(x),
            _ => None,
        };
        let before = slots[..v].iter().rev().filter(|s| s.kind.is_word()).take(COMPARISON_WINDOW);
        let after = slots[v + 1..].iter().filter(|s| s.kind.is_word()).take(COMPARISON_WINDOW);
        let (Some(now), Some(then)) = (before.clone().find_map(number), after.clone().find_map(number))
        else {
            continue;
        };
        // "a 3.3 percent increase compared with EUR 124 million": a figure that a movement
        // follows is the size of a change, not a level to compare.
        let sizes_a_change = before
            .take_while(|s| !matches!(s.kind, SlotKind::Number(_)))
            .any(|s| matches!(s.kind, SlotKind::Entry(id) if is_movement(lexicon.entry(id).kind)));
        if sizes_a_change {
            continue;
        }
        // The subject: the nearest quantity before the marker.
        let subject = pending
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, p)| p.slot < v && v - p.slot <= LOOKBACK_WINDOW && unclaimed(p))
            .filter_map(|(i, p)| quantity_sign(lexicon, p).map(|q| (i, q)))
            .min_by_key(|&(i, _)| is_share_base(slots, pending[i].slot));
        let Some((q, quality)) = subject else { continue };
        // The baseline: a quantity after the marker. A profit compared with a loss is a rise
        // whatever the two figures are, so a baseline of the other kind counts as negative.
        let mut baseline_sign = 1.0;
        for p in pending.iter_mut().filter(|p| p.slot > v && p.slot - v <= COMPARISON_WINDOW + 2) {
            if let Some(other) = quantity_sign(lexicon, p).filter(|_| unclaimed(p)) {
                if other != quality {
                    baseline_sign = -1.0;
                }
                p.cue.absorb();
            }
        }
        if now == then * baseline_sign {
            continue;
        }
        let direction = if now > then * baseline_sign { 1.0 } else { -1.0 };
        pending[q].cue.compose(direction * quality, (offset + versus.start, offset + versus.end));
    }
}

/// Turns "error rates went from 14 percent to 6 percent" into a movement of the quantity: when
/// no movement word has claimed it, a range of two figures after a verb of change
/// ([`RANGE_VERBS`]) and "from" gives the nearest quantity before it a direction, as "compared
/// with" does in [`compose_comparisons`].
fn compose_ranges(lexicon: &Lexicon, slots: &[Slot], lower: &str, offset: u32, pending: &mut [Pending]) {
    for (f, from) in slots.iter().enumerate() {
        if from.kind != SlotKind::From || f == 0 || !RANGE_VERBS.contains(&slots[f - 1].text(lower)) {
            continue;
        }
        let Some((start, first)) = figure_within(slots, f) else { continue };
        let to = slots[first + 1..]
            .iter()
            .take_while(|s| s.kind.is_word() && !matches!(s.kind, SlotKind::Number(_)))
            .take(RANGE_REACH)
            .position(|s| s.kind == SlotKind::To);
        let Some((end, _)) = to.and_then(|at| figure_within(slots, first + 1 + at)) else { continue };
        if start == end {
            continue;
        }
        let subject = pending
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, p)| p.slot < f && f - p.slot <= LOOKBACK_WINDOW)
            .find_map(|(i, p)| quantity_sign(lexicon, p).map(|q| (i, q)));
        let Some((q, quality)) = subject else { continue };
        // "profit fell from 48 to 31 million" and "profit, expected to rise, went from ...": a
        // movement word between the quantity and the range says the direction itself.
        let moved = slots[pending[q].slot + 1..f]
            .iter()
            .any(|s| matches!(s.kind, SlotKind::Entry(id) if is_movement(lexicon.entry(id).kind)));
        if !unclaimed(&pending[q]) || moved {
            continue;
        }
        let direction = if end > start { 1.0 } else { -1.0 };
        pending[q].cue.compose(direction * quality, (offset + from.start, offset + from.end));
    }
}

/// The value and slot of the first figure within [`RANGE_REACH`] words after slot `at`, in its
/// clause ("from about 300", "to more than 2,000").
fn figure_within(slots: &[Slot], at: usize) -> Option<(f64, usize)> {
    slots[at + 1..].iter().enumerate().take_while(|(_, s)| s.kind.is_word()).take(RANGE_REACH).find_map(
        |(i, s)| match s.kind {
            SlotKind::Number(value) => Some((value, at + 1 + i)),
            _ => None,
        },
    )
}

/// "filled faster than planned", "far less carbon than promised", "profit rose more than
/// expected": a benchmark ("than expected") with a comparative before it in its clause, within
/// [`COMPARISON_WINDOW`] words, says the news beat or missed expectations. A comparative of more
/// ("faster", "more", "higher") is a beat and one of less ("slower", "less", "fewer") a miss, of
/// stance ±[`COMPOSED_STANCE`] on the benchmark; when a movement of the clause already composed
/// with a quantity ("costs rose more than expected"), the beat goes that pair's way, and else
/// the way of the nearest quantity before it in its clause, which it absorbs. A
/// comparative that composed with a quantity itself ("inflation was higher than expected")
/// already says it all.
fn compose_benchmarks(lexicon: &Lexicon, slots: &[Slot], offset: u32, pending: &mut [Pending]) {
    for b in 0..pending.len() {
        if pending[b].cue.has(Rule::Hedge) || lexicon.entry(pending[b].cue.entry).kind != Kind::Benchmark {
            continue;
        }
        let Pending { slot: marker, clause, .. } = pending[b];
        // The nearest comparative before the marker, in its clause.
        let mut words = 0;
        let mut comparative = None;
        for (s, slot) in slots[..marker].iter().enumerate().rev() {
            if matches!(slot.kind, SlotKind::Boundary(_)) || words > COMPARISON_WINDOW {
                break;
            }
            words += usize::from(slot.kind.is_word());
            let SlotKind::Entry(id) = slot.kind else { continue };
            let entry = lexicon.entry(id);
            let direction = match (entry.kind, &*entry.term) {
                // "more", "far more", "much less".
                (_, term) if term.rsplit(' ').next() == Some("more") => 1.0,
                (_, term) if term.rsplit(' ').next() == Some("less") => -1.0,
                (Kind::Up, term) if is_comparative(term) => 1.0,
                (Kind::Down, term) if is_comparative(term) => -1.0,
                _ => continue,
            };
            comparative = Some((s, direction));
            break;
        }
        let Some((at, direction)) = comparative else { continue };
        // A comparative that took a quantity ("inflation was higher") already counted.
        if pending.iter().any(|p| p.slot == at && p.cue.has(Rule::Composed)) {
            continue;
        }
        // A comparison opening a comma clause is about the clause before it: "employers added
        // 245,000 jobs, far more than expected".
        let opens_clause = at > 0 && matches!(slots[at - 1].kind, SlotKind::Boundary(_));
        let in_scope = |p: &Pending| p.clause == clause || opens_clause && p.clause + 1 == clause;
        let pair = pending[..b]
            .iter()
            .rev()
            .find(|p| in_scope(p) && p.cue.has(Rule::Composed) && p.cue.base_stance != 0.0)
            .map(|p| p.cue.base_stance.signum());
        // Else the quantity the comparison is about, the nearest before it in its clause, how
        // far back it may be: "the deficit ... was 11 billion smaller than forecast".
        let pair = pair.unwrap_or_else(|| {
            let subject = pending[..b].iter().rposition(|p| {
                in_scope(p)
                    && p.slot < at
                    && !p.cue.has(Rule::Hedge)
                    && !p.cue.has(Rule::Absorbed)
                    && !p.cue.has(Rule::Opposed)
                    && matches!(lexicon.entry(p.cue.entry).kind, Kind::Good | Kind::Bad)
            });
            let Some(q) = subject else { return 1.0 };
            let quality = if lexicon.entry(pending[q].cue.entry).kind == Kind::Good { 1.0 } else { -1.0 };
            pending[q].cue.absorb();
            quality
        });
        pending[b].cue.compose(direction * pair, (offset + slots[at].start, offset + slots[at].end));
    }
}

/// Reads each small figure ("only 38 percent", "just 42 participants", "rose just 0.4%"): a
/// composed movement of its clause at most [`MINIMISER_REACH`] words before it was small, so it
/// reads the other way at [`MINIMISED_MOVEMENT`] of its weight ("costs rose only 1%" is good
/// news). Otherwise the minimiser counts the first cue of its clause within that reach after it,
/// or the word right before it ("costs only $5"): few of a bad thing is good news ("only three
/// measles cases"), few of anything else a shortfall ("only 38 percent of households signed
/// up"); the counted cue's own tone goes into the minimiser's, which carries the entry's weight.
/// A small figure right after the "from" or "since" of a movement of its clause is a baseline
/// ("up from just 12 percent") and says nothing of its own; one right after the "to" of a fall
/// is the level the fall reached ("sales fell to just 3,000 units") and leaves the fall as it is.
fn compose_minimisers(lexicon: &Lexicon, slots: &[Slot], pending: &mut [Pending]) {
    let near = |a: &Pending, b: &Pending| a.clause == b.clause && a.word.abs_diff(b.word) <= MINIMISER_REACH;
    for m in 0..pending.len() {
        let entry = lexicon.entry(pending[m].cue.entry);
        if entry.kind != Kind::Minimiser {
            continue;
        }
        let slot_before = pending[m].slot.checked_sub(1).map(|before| slots[before].kind);
        // "up from just 12 percent": a small figure after the "from" of a movement is the
        // baseline, not the news ("comes from just three customers" is no baseline).
        let clause = pending[m].clause;
        if slot_before == Some(SlotKind::From)
            && pending[..m].iter().any(|p| p.clause == clause && is_movement(lexicon.entry(p.cue.entry).kind))
        {
            pending[m].cue.absorb();
            continue;
        }
        let moved = pending[..m].iter().rposition(|p| {
            near(p, &pending[m]) && p.cue.has(Rule::Composed) && is_movement(lexicon.entry(p.cue.entry).kind)
        });
        if let Some(p) = moved {
            // "fell to just 3,000 units": a small figure after the "to" of a fall is the level
            // it reached, which says what the fall says; after a rise ("rose to just 40%") the
            // level is still small and the rise reads the other way.
            if slot_before == Some(SlotKind::To) && lexicon.entry(pending[p].cue.entry).kind != Kind::Up {
                pending[m].cue.absorb();
                continue;
            }
            pending[p].factor *= -MINIMISED_MOVEMENT;
            pending[p].cue.rules |= Rule::Minimised as u32;
            continue;
        }
        let countable = |p: &Pending| {
            !p.cue.has(Rule::Hedge)
                && (tone(&p.cue) != 0.0 || matches!(lexicon.entry(p.cue.entry).kind, Kind::Good | Kind::Bad))
        };
        let counted = (m + 1..pending.len())
            .take_while(|&c| near(&pending[c], &pending[m]))
            .find(|&c| countable(&pending[c]))
            .or_else(|| {
                m.checked_sub(1).filter(|&c| pending[m].word - pending[c].word == 1 && countable(&pending[c]))
            });
        let mut sign = -1.0;
        if let Some(c) = counted {
            let cue = &pending[c].cue;
            let bad = lexicon.entry(cue.entry).kind == Kind::Bad || tone(cue) < 0.0;
            sign = if bad { 1.0 } else { -1.0 };
            pending[c].cue.absorb();
        }
        let weight = f64::from(entry.weight);
        let cue = &mut pending[m].cue;
        cue.base_stance = sign * weight;
        cue.base_sentiment = sign * weight * STANCE_TO_SENTIMENT;
    }
}

/// The bit of a clause in a 64-clause set (later clauses share the last bit).
fn clause_bit(clause: u32) -> u64 {
    1u64 << clause.min(63)
}
