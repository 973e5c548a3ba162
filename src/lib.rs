//! tenor scores news text, sentence by sentence, for **sentiment** (positive vs negative) and
//! for **stance** (optimism vs skepticism: "a bold play" vs "an expensive gamble"), and says
//! which words and rules produced every score.
//!
//! The data flow is one module per step: [`corpus`] reads documents from files, [`segment`]
//! finds sentences, [`tokenize`] splits them into words, [`lexicon`] matches words and
//! phrases, [`score`] applies the rules and normalises, [`pipeline`] runs all of it in
//! parallel and in order, and [`output`] writes CSV. [`aggregate`] turns scores into tone
//! over time; [`eval`] measures the scores against a sample coded by hand.
//!
//! ```
//! use tenor::{Lexicon, Scorer, ScoreOptions, Label};
//!
//! let scorer = Scorer::new(Lexicon::embedded()?, ScoreOptions::default());
//! let doc = scorer.score_text("It is a bold play. But it is an expensive gamble.");
//! assert_eq!(doc.sentences.len(), 2);
//! assert_eq!(doc.sentences[0].label, Label::Optimistic);
//! assert_eq!(doc.sentences[1].label, Label::Skeptical);
//! let why = tenor::score::explain::cues_to_string("It is a bold play.", doc.cues_of(&doc.sentences[0]));
//! assert!(why.starts_with("bold play [stance"));
//! # Ok::<(), tenor::lexicon::LexiconError>(())
//! ```

pub mod aggregate;
pub mod corpus;
pub mod eval;
pub mod lexicon;
pub mod output;
pub mod pipeline;
pub mod score;
pub mod segment;
pub mod tokenize;

pub use eval::{evaluate, Dimension, EvalError, EvalOptions, EvalReport};
pub use lexicon::{Lexicon, LexiconBuilder, LexiconError};
pub use score::{DocumentScore, DocumentSummary, Label, ScoreOptions, Scorer, Scratch, SentenceScore};
