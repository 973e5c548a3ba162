//! Agreement between gold values and predictions: accuracy, precision, recall and F1 from a
//! confusion matrix, and Pearson and Spearman correlation.
//!
//! Pure functions over counts and slices; they know nothing of files, scorers or dimensions.
//! Classes are indices `0..k` that the caller names ([`super::Dimension::classes`]). Not for
//! significance tests or confidence intervals.

/// Counts of (gold, predicted) class pairs: gold classes are rows, predictions columns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfusionMatrix {
    classes: usize,
    /// Row-major, `classes × classes`.
    counts: Vec<u64>,
}

impl ConfusionMatrix {
    /// An empty matrix over the classes `0..classes`.
    pub fn new(classes: usize) -> ConfusionMatrix {
        ConfusionMatrix { classes, counts: vec![0; classes * classes] }
    }

    /// Counts one row whose gold class is `gold` and predicted class `predicted`.
    ///
    /// # Panics
    /// If either class is not below [`ConfusionMatrix::classes`].
    pub fn add(&mut self, gold: usize, predicted: usize) {
        assert!(gold < self.classes && predicted < self.classes, "class out of range");
        self.counts[gold * self.classes + predicted] += 1;
    }

    /// The number of classes.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Rows with gold class `gold` predicted as `predicted`.
    pub fn count(&self, gold: usize, predicted: usize) -> u64 {
        self.counts[gold * self.classes + predicted]
    }

    /// All rows counted.
    pub fn total(&self) -> u64 {
        self.counts.iter().sum()
    }

    /// Rows whose prediction equals their gold class.
    pub fn correct(&self) -> u64 {
        (0..self.classes).map(|c| self.count(c, c)).sum()
    }

    /// Rows with gold class `class` (the class's support).
    pub fn gold_count(&self, class: usize) -> u64 {
        (0..self.classes).map(|p| self.count(class, p)).sum()
    }

    /// Rows predicted as `class`.
    pub fn predicted_count(&self, class: usize) -> u64 {
        (0..self.classes).map(|g| self.count(g, class)).sum()
    }

    /// Share of rows predicted correctly (0 when there are none).
    pub fn accuracy(&self) -> f64 {
        ratio(self.correct(), self.total())
    }

    /// Share of the rows predicted as `class` that are `class` (0 when none are predicted).
    pub fn precision(&self, class: usize) -> f64 {
        ratio(self.count(class, class), self.predicted_count(class))
    }

    /// Share of the rows of gold class `class` predicted as such (0 when there are none).
    pub fn recall(&self, class: usize) -> f64 {
        ratio(self.count(class, class), self.gold_count(class))
    }

    /// Harmonic mean of precision and recall, 0 when both are 0 (or undefined).
    pub fn f1(&self, class: usize) -> f64 {
        let (p, r) = (self.precision(class), self.recall(class));
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// The classes that occur in gold, in order.
    pub fn gold_classes(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.classes).filter(|&c| self.gold_count(c) > 0)
    }

    /// Mean F1 over the [`gold_classes`](Self::gold_classes); a class only ever predicted does
    /// not count (0 when no class occurs).
    pub fn macro_f1(&self) -> f64 {
        let (sum, count) =
            self.gold_classes().fold((0.0, 0), |(sum, count), c| (sum + self.f1(c), count + 1));
        if count == 0 {
            0.0
        } else {
            sum / f64::from(count)
        }
    }
}

fn ratio(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

fn mean(x: &[f64]) -> f64 {
    x.iter().sum::<f64>() / x.len() as f64
}

/// Pearson's correlation of the pairs `(x[i], y[i])`, or `None` when it is undefined: fewer than
/// two pairs, or either side constant.
///
/// # Panics
/// If `x` and `y` differ in length.
pub fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    assert_eq!(x.len(), y.len(), "correlation needs pairs");
    if x.len() < 2 {
        return None;
    }
    let (mx, my) = (mean(x), mean(y));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        let (dx, dy) = (a - mx, b - my);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    if sxx == 0.0 || syy == 0.0 {
        return None;
    }
    // Rounding can take a perfect correlation a hair past ±1.
    Some((sxy / (sxx * syy).sqrt()).clamp(-1.0, 1.0))
}

/// Spearman's rank correlation: Pearson's correlation of the ranks, tied values sharing their
/// average rank. `None` when undefined, and panics on unequal lengths, as [`pearson`].
pub fn spearman(x: &[f64], y: &[f64]) -> Option<f64> {
    pearson(&average_ranks(x), &average_ranks(y))
}

/// The 1-based rank of each value in `x`, ties getting the mean of the ranks they span
/// (`[10, 20, 20, 30]` → `[1, 2.5, 2.5, 4]`).
pub fn average_ranks(x: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..x.len()).collect();
    order.sort_by(|&a, &b| x[a].total_cmp(&x[b]));
    let mut ranks = vec![0.0; x.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && x[order[end]] == x[order[start]] {
            end += 1;
        }
        // Positions start..end hold ranks start+1..=end, whose mean is this.
        let rank = (start + end + 1) as f64 / 2.0;
        for &i in &order[start..end] {
            ranks[i] = rank;
        }
        start = end;
    }
    ranks
}

/// Each value's distance from the mean in population standard deviations; all 0 when `x` is
/// constant.
pub fn z_scores(x: &[f64]) -> Vec<f64> {
    if x.is_empty() {
        return Vec::new();
    }
    let m = mean(x);
    let sd = (x.iter().map(|v| (v - m) * (v - m)).sum::<f64>() / x.len() as f64).sqrt();
    x.iter().map(|v| if sd == 0.0 { 0.0 } else { (v - m) / sd }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const O: usize = 0;
    const N: usize = 1;
    const S: usize = 2;

    fn matrix(gold: &[usize], predicted: &[usize]) -> ConfusionMatrix {
        let mut m = ConfusionMatrix::new(3);
        for (&g, &p) in gold.iter().zip(predicted) {
            m.add(g, p);
        }
        m
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn one_miss_in_four_scores_by_hand() {
        // gold O O S N, predicted O S S N.
        let m = matrix(&[O, O, S, N], &[O, S, S, N]);
        assert_eq!(m.total(), 4);
        assert!(close(m.accuracy(), 0.75));
        assert!(close(m.precision(O), 1.0));
        assert!(close(m.recall(O), 0.5));
        assert!(close(m.f1(O), 2.0 / 3.0));
        assert!(close(m.precision(N), 1.0) && close(m.recall(N), 1.0) && close(m.f1(N), 1.0));
        assert!(close(m.precision(S), 0.5));
        assert!(close(m.recall(S), 1.0));
        assert!(close(m.f1(S), 2.0 / 3.0));
        assert!(close(m.macro_f1(), (2.0 / 3.0 + 1.0 + 2.0 / 3.0) / 3.0));
    }

    #[test]
    fn confusion_rows_are_gold_and_columns_predicted() {
        let m = matrix(&[O, O, S, N], &[O, S, S, N]);
        let rows: Vec<Vec<u64>> = (0..3).map(|g| (0..3).map(|p| m.count(g, p)).collect()).collect();
        assert_eq!(rows, [[1, 0, 1], [0, 1, 0], [0, 0, 1]]);
        assert_eq!((m.gold_count(O), m.predicted_count(O)), (2, 1));
        assert_eq!((m.gold_count(S), m.predicted_count(S)), (1, 2));
        assert_eq!(m.correct(), 3);
    }

    #[test]
    fn undefined_precision_recall_and_f1_are_zero() {
        // O is never predicted (precision 0/0), N never occurs in gold (recall 0/0).
        let m = matrix(&[O, O], &[N, N]);
        assert_eq!((m.precision(O), m.recall(O), m.f1(O)), (0.0, 0.0, 0.0));
        assert_eq!((m.precision(N), m.recall(N), m.f1(N)), (0.0, 0.0, 0.0));
        assert_eq!((m.precision(S), m.recall(S), m.f1(S)), (0.0, 0.0, 0.0));
        assert_eq!(m.accuracy(), 0.0);
        assert_eq!(m.macro_f1(), 0.0);
    }

    #[test]
    fn macro_f1_skips_classes_absent_from_gold() {
        // S is predicted once but never gold: it costs O's recall, not a term of its own.
        let m = matrix(&[O, O, N], &[O, S, N]);
        assert_eq!(m.gold_classes().collect::<Vec<_>>(), [O, N]);
        assert!(close(m.macro_f1(), (2.0 / 3.0 + 1.0) / 2.0));
    }

    #[test]
    fn empty_matrix_scores_zero() {
        let m = ConfusionMatrix::new(2);
        assert_eq!((m.total(), m.accuracy(), m.macro_f1()), (0, 0.0, 0.0));
    }

    #[test]
    fn pearson_of_a_perfect_line_is_one() {
        let x = [1.0, 2.0, 3.0, 4.0];
        assert_eq!(pearson(&x, &[2.0, 4.0, 6.0, 8.0]), Some(1.0));
        assert_eq!(pearson(&x, &[-1.0, -3.0, -5.0, -7.0]), Some(-1.0));
    }

    #[test]
    fn pearson_by_hand() {
        // Deviations (-1, 0, 1) and (-1, 1, 0): sxy = 1, sxx = syy = 2, r = 1/2.
        assert!(close(pearson(&[1.0, 2.0, 3.0], &[1.0, 3.0, 2.0]).unwrap(), 0.5));
    }

    #[test]
    fn pearson_is_undefined_for_constants_and_single_pairs() {
        assert_eq!(pearson(&[1.0, 2.0, 3.0], &[5.0, 5.0, 5.0]), None);
        assert_eq!(pearson(&[1.0], &[2.0]), None);
        assert_eq!(pearson(&[], &[]), None);
    }

    #[test]
    fn ties_share_their_average_rank() {
        assert_eq!(average_ranks(&[10.0, 20.0, 20.0, 30.0]), [1.0, 2.5, 2.5, 4.0]);
        assert_eq!(average_ranks(&[3.0, 1.0, 3.0, 3.0]), [3.0, 1.0, 3.0, 3.0]);
        assert_eq!(average_ranks(&[-0.5, 0.25]), [1.0, 2.0]);
    }

    #[test]
    fn spearman_with_ties_by_hand() {
        // Ranks (1, 2, 3, 4) and (1, 2.5, 2.5, 4): sxy = 4.5, sxx = 5, syy = 4.5, rho = sqrt(0.9).
        let rho = spearman(&[1.0, 2.0, 3.0, 4.0], &[1.0, 2.0, 2.0, 3.0]).unwrap();
        assert!(close(rho, 0.9f64.sqrt()), "{rho}");
    }

    #[test]
    fn spearman_sees_a_monotone_curve_as_perfect() {
        let (x, y) = ([1.0, 2.0, 3.0, 4.0], [1.0, 4.0, 9.0, 16.0]);
        assert_eq!(spearman(&x, &y), Some(1.0));
        assert!(pearson(&x, &y).unwrap() < 1.0);
    }

    #[test]
    fn z_scores_by_hand_and_for_a_constant() {
        // Mean 4, population sd 2.
        assert_eq!(z_scores(&[2.0, 6.0, 2.0, 6.0]), [-1.0, 1.0, -1.0, 1.0]);
        assert_eq!(z_scores(&[7.0, 7.0]), [0.0, 0.0]);
        assert!(z_scores(&[]).is_empty());
    }
}
