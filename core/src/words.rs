//! The words a report, a chart or a table shows: band names, flag texts, chart titles,
//! legends, column heads. They live in the instrument file's `words` section, so a
//! trainer's instrument can reword them and a further language is a data change; this
//! module only names them.

use crate::model::{vocabulary, Band, CoverageStatus, Form, InterestFlag, LadderFlag, TrustFlag};
use crate::split::Dimension;

vocabulary! {
    /// The key of one word in the instrument's `words` section.
    Word {
        /// "sterk": a mean of 4.0 and up.
        BandSterk = "band.sterk",
        /// "aandacht": a mean of 3.0 up to 4.0.
        BandAandacht = "band.aandacht",
        /// "zorg": a mean below 3.0.
        BandZorg = "band.zorg",
        /// "geen score": too few answers for a score.
        ScoreMissing = "score.missing",
        /// "uiteenlopend": perspectives differ.
        Divergent = "divergent",
        /// The decimal separator: "," in Dutch.
        Decimal = "decimal",
        /// "{n} respondent(en)".
        ReportRespondents = "report.respondents",
        /// "{n} antwoord(en) op vervangen vragen van versie {version} zijn weggelaten".
        ReportReplaced = "report.replaced",
        /// The title of the six-concept radar, and the caption of its table.
        ChartConcepts = "chart.concepts",
        /// The title of the overview radar of the three scored modules.
        ChartModules = "chart.modules",
        /// The title of the influence radar.
        ChartInfluence = "chart.influence",
        /// The title of the ladder chart.
        ChartLadder = "chart.ladder",
        /// Legend: the current rung.
        LegendCurrent = "legend.current",
        /// Legend: the desired rung.
        LegendDesired = "legend.desired",
        /// Legend: the group mean.
        LegendMean = "legend.mean",
        /// Legend: the lowest to highest respondent.
        LegendRange = "legend.range",
        /// Legend: the baseline measurement (nulmeting).
        LegendBaseline = "legend.baseline",
        /// Legend: the current measurement.
        LegendNow = "legend.now",
        /// Column: concept.
        ColConcept = "col.concept",
        /// Column: module.
        ColModule = "col.module",
        /// Column: item.
        ColItem = "col.item",
        /// Column: number of respondents with a score.
        ColN = "col.n",
        /// Column: mean.
        ColMean = "col.mean",
        /// Column: standard deviation.
        ColSd = "col.sd",
        /// Column: lowest.
        ColMin = "col.min",
        /// Column: highest.
        ColMax = "col.max",
        /// Column: band.
        ColBand = "col.band",
        /// Column: importance.
        ColImportance = "col.importance",
        /// Column: source of influence.
        ColSource = "col.source",
        /// Column: rung.
        ColRung = "col.rung",
        /// Column: organisation.
        ColOrganisation = "col.organisation",
        /// Column: interest.
        ColInterest = "col.interest",
        /// Column: give.
        ColGive = "col.give",
        /// Column: take.
        ColTake = "col.take",
        /// Column: passion.
        ColPassion = "col.passion",
        /// Column: give minus take.
        ColBalance = "col.balance",
        /// Column: change against the baseline.
        ColDelta = "col.delta",
        /// Section: the six concepts.
        SectionConcepts = "section.concepts",
        /// Section: the modules.
        SectionModules = "section.modules",
        /// Section: trust.
        SectionTrust = "section.trust",
        /// Section: the ladder.
        SectionLadder = "section.ladder",
        /// Section: coverage of the three groups.
        SectionCoverage = "section.coverage",
        /// Section: interests per organisation.
        SectionInterests = "section.interests",
        /// Section: advice.
        SectionAdvice = "section.advice",
        /// Section: comments.
        SectionComments = "section.comments",
        /// Section: chain or network.
        SectionForm = "section.form",
        /// Section: splits.
        SectionSplits = "section.splits",
        /// Section: change against the baseline.
        SectionChange = "section.change",
        /// Trust: its foundation, the mean of the other five.
        TrustFoundation = "trust.foundation",
        /// Trust: the gap to its foundation.
        TrustGap = "trust.gap",
        /// Trust runs ahead of its foundation.
        TrustVoor = "trust.voor",
        /// Trust lags behind its foundation.
        TrustAchter = "trust.achter",
        /// Trust is in line with its foundation.
        TrustNone = "trust.none",
        /// Trust cannot be told.
        TrustUnknown = "trust.unknown",
        /// Ladder: the mean gap, now minus desired.
        LadderMeanGap = "ladder.mean_gap",
        /// Ladder: all respondents.
        LadderAll = "ladder.all",
        /// Ladder: the government's own view.
        LadderGovernment = "ladder.government",
        /// Ladder: the partners' view.
        LadderPartners = "ladder.partners",
        /// The government stands higher than wanted.
        LadderTeHoog = "ladder.te_hoog",
        /// The government stands lower than wanted.
        LadderTeLaag = "ladder.te_laag",
        /// No shared picture of the current role.
        LadderGeenBeeld = "ladder.geen_beeld",
        /// No shared picture of the desired role.
        LadderGeenBeeldGewenst = "ladder.geen_beeld_gewenst",
        /// Coverage: covered.
        CoverageGedekt = "coverage.gedekt",
        /// Coverage: only indirectly.
        CoverageIndirect = "coverage.indirect",
        /// Coverage: weak.
        CoverageZwak = "coverage.zwak",
        /// Coverage: missing.
        CoverageOntbreekt = "coverage.ontbreekt",
        /// Coverage: the organisations that hold the role.
        CoverageHolders = "coverage.holders",
        /// Coverage: the rated connection.
        CoverageConnection = "coverage.connection",
        /// Interests: give and take out of balance.
        InterestsOnbalans = "interests.onbalans",
        /// Interests: a non-committal partner.
        InterestsVrijblijvend = "interests.vrijblijvend",
        /// Advice after the first three.
        AdviceFurther = "advice.further",
        /// Nothing stands out.
        AdviceNone = "advice.none",
        /// The lowest-scoring item of a finding.
        AdviceLowest = "advice.lowest",
        /// Form: chain.
        FormKeten = "form.keten",
        /// Form: network.
        FormNetwerk = "form.netwerk",
        /// Form: both.
        FormMix = "form.mix",
        /// Form: no dominant answer.
        FormNone = "form.none",
        /// A split too small to show: "te weinig respondenten".
        SplitWithheld = "split.withheld",
        /// The split group of respondents who did not say: "niet opgegeven".
        SplitNone = "split.none",
        /// Everyone outside one split group, set against it: "alle anderen".
        SplitRest = "split.rest",
        /// Split by organisation.
        SplitOrganisation = "split.organisation",
        /// Split by position (kern or ring).
        SplitPosition = "split.position",
        /// Split by role.
        SplitRole = "split.role",
        /// Split by sector.
        SplitSector = "split.sector",
        /// Split by level.
        SplitLevel = "split.level",
        /// Change: the baseline.
        ChangeBaseline = "change.baseline",
        /// Change: now.
        ChangeNow = "change.now",
    }
}

impl Word {
    /// The word for a band.
    #[must_use]
    pub fn band(band: Band) -> Word {
        match band {
            Band::Sterk => Word::BandSterk,
            Band::Aandacht => Word::BandAandacht,
            Band::Zorg => Word::BandZorg,
        }
    }

    /// The word for a trust flag.
    #[must_use]
    pub fn trust(flag: TrustFlag) -> Word {
        match flag {
            TrustFlag::Voor => Word::TrustVoor,
            TrustFlag::Achter => Word::TrustAchter,
        }
    }

    /// The word for a ladder flag.
    #[must_use]
    pub fn ladder(flag: LadderFlag) -> Word {
        match flag {
            LadderFlag::TeHoog => Word::LadderTeHoog,
            LadderFlag::TeLaag => Word::LadderTeLaag,
            LadderFlag::GeenBeeld => Word::LadderGeenBeeld,
            LadderFlag::GeenBeeldGewenst => Word::LadderGeenBeeldGewenst,
        }
    }

    /// The word for a coverage status.
    #[must_use]
    pub fn coverage(status: CoverageStatus) -> Word {
        match status {
            CoverageStatus::Gedekt => Word::CoverageGedekt,
            CoverageStatus::Indirect => Word::CoverageIndirect,
            CoverageStatus::Zwak => Word::CoverageZwak,
            CoverageStatus::Ontbreekt => Word::CoverageOntbreekt,
        }
    }

    /// The word for an interest flag.
    #[must_use]
    pub fn interests(flag: InterestFlag) -> Word {
        match flag {
            InterestFlag::Onbalans => Word::InterestsOnbalans,
            InterestFlag::Vrijblijvend => Word::InterestsVrijblijvend,
        }
    }

    /// The word for a form of collaboration.
    #[must_use]
    pub fn form(form: Form) -> Word {
        match form {
            Form::Keten => Word::FormKeten,
            Form::Netwerk => Word::FormNetwerk,
            Form::Mix => Word::FormMix,
        }
    }

    /// The name of a split dimension, as a column head.
    #[must_use]
    pub fn dimension(dimension: Dimension) -> Word {
        match dimension {
            Dimension::Organisation => Word::SplitOrganisation,
            Dimension::Position => Word::SplitPosition,
            Dimension::Role => Word::SplitRole,
            Dimension::Sector => Word::SplitSector,
            Dimension::Level => Word::SplitLevel,
        }
    }
}
