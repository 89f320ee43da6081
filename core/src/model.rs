//! The fixed vocabulary of the netwerkregie model: modules, the six concepts, roles,
//! positions, the participation ladder and the sources of influence.
//!
//! These ids are part of the response format, so they are enums: an unknown id can
//! only exist as an error message, never inside a scored response.

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $id:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, ::serde::Serialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $id)] $variant),+
        }

        impl $name {
            /// Every value, in the model's order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// How many values there are.
            pub const COUNT: usize = Self::ALL.len();

            /// The ids used in files, in the order of [`Self::ALL`].
            pub const IDS: &'static [&'static str] = &[$($id),+];

            /// The id used in files.
            #[must_use]
            pub fn id(self) -> &'static str {
                match self {
                    $($name::$variant => $id),+
                }
            }

            /// Parses an id as used in files.
            #[must_use]
            pub fn parse(id: &str) -> Option<$name> {
                match id {
                    $($id => Some($name::$variant),)+
                    _ => None,
                }
            }

            /// The position of this value in [`Self::ALL`].
            #[must_use]
            pub fn index(self) -> usize {
                self as usize
            }

            /// The ids of every value, for error messages.
            #[must_use]
            pub fn ids() -> String {
                [$($id),+].join(", ")
            }

            /// The value at `index` in [`Self::ALL`].
            #[must_use]
            pub fn from_index(index: usize) -> Option<$name> {
                Self::ALL.get(index).copied()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.id())
            }
        }
    };
}

pub(crate) use vocabulary;

vocabulary! {
    /// The parts of the scan. The first three are scored from Likert items.
    Module {
        /// The joint task (gezamenlijke opgave).
        Opgave = "opgave",
        /// How the collaboration is organised: meeting, communication, decisions.
        Organisatie = "organisatie",
        /// The six concepts of healthy relations.
        Relaties = "relaties",
        /// The interests of the partners.
        Belangen = "belangen",
        /// The government participation ladder.
        Ladder = "ladder",
    }
}

impl Module {
    /// The modules that carry Likert items and so get a score.
    pub const SCORED: &'static [Module] = &[Module::Opgave, Module::Organisatie, Module::Relaties];

    /// Whether this module carries Likert items.
    #[must_use]
    pub fn is_scored(self) -> bool {
        Module::SCORED.contains(&self)
    }
}

vocabulary! {
    /// The six concepts of healthy relations (seeds 000 and 002).
    Concept {
        /// Taking each other seriously and recognising each other as partner.
        Gelijkwaardigheid = "gelijkwaardigheid",
        /// Values are respected.
        Respect = "respect",
        /// Room to do one's share without guardianship.
        Vrijheid = "vrijheid",
        /// Taking responsibility for the own task and the joint task.
        Verantwoording = "verantwoording",
        /// Informing each other out of involvement, not control.
        Transparantie = "transparantie",
        /// Grows when the other five are in order, and feeds them.
        Vertrouwen = "vertrouwen",
    }
}

impl Concept {
    /// The five concepts trust rests on.
    pub const FOUNDATION: &'static [Concept] = &[
        Concept::Gelijkwaardigheid,
        Concept::Respect,
        Concept::Vrijheid,
        Concept::Verantwoording,
        Concept::Transparantie,
    ];
}

vocabulary! {
    /// The three groups around a societal problem (seed 000).
    Role {
        /// Probleemeigenaar: the recognised group that owns the problem.
        Eigenaar = "eigenaar",
        /// Probleemveroorzaker: a party that causes the problem.
        Veroorzaker = "veroorzaker",
        /// Probleemoplosser: a party that (wants to) solve it.
        Oplosser = "oplosser",
    }
}

vocabulary! {
    /// Where a partner stands in the network (seed 003).
    Position {
        /// The strategic core of initiators.
        Kern = "kern",
        /// The complementary ring of followers.
        Ring = "ring",
    }
}

vocabulary! {
    /// The rungs of the government participation ladder, lowest to highest (seed 004).
    Rung {
        /// Let go: no involvement in content or process.
        Loslaten = "loslaten",
        /// Facilitate an initiative from elsewhere.
        Faciliteren = "faciliteren",
        /// Stimulate others to act.
        Stimuleren = "stimuleren",
        /// Direct: others have a role, government keeps the lead.
        Regisseren = "regisseren",
        /// Regulate by law and enforcement.
        Reguleren = "reguleren",
    }
}

vocabulary! {
    /// The questions on a partner's interest in the joint task.
    InterestQuestion {
        /// How large the organisation's interest in the joint task is.
        Interest = "interest",
        /// What the organisation brings in.
        Give = "give",
        /// What the organisation gets out.
        Take = "take",
        /// Personal energy and passion.
        Passion = "passion",
    }
}

vocabulary! {
    /// Sources of dependency and influence in a network (seed 004).
    InfluenceSource {
        /// Money, people, support, competences.
        Resources = "resources",
        /// Decision authority, such as legal powers.
        Authority = "authority",
        /// Information and expertise.
        Information = "information",
        /// Communication.
        Communication = "communication",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        for c in Concept::ALL {
            assert_eq!(Concept::parse(c.id()), Some(*c));
        }
        assert_eq!(Rung::parse("regisseren").map(Rung::index), Some(3));
        assert_eq!(Rung::parse("Regisseren"), None);
    }

    #[test]
    fn serde_uses_the_ids() {
        let json = serde_json::to_string(&Concept::Gelijkwaardigheid).expect("serialises");
        assert_eq!(json, "\"gelijkwaardigheid\"");
    }
}

vocabulary! {
    /// How a mean score reads: `sterk` (>= 4.0), `aandacht` (>= 3.0) or `zorg`.
    Band {
        /// Strong: 4.0 and up.
        Sterk = "sterk",
        /// Needs attention: 3.0 up to 4.0.
        Aandacht = "aandacht",
        /// A concern: below 3.0.
        Zorg = "zorg",
    }
}

/// Scores are means of small integers; comparisons against the band and flag
/// thresholds allow this much floating-point noise, so that the order in which
/// respondents are added never changes a band.
pub const EPSILON: f64 = 1e-9;

/// A sort key for a computed value: values closer than [`EPSILON`] sort as equal, so
/// a tie stays a tie whatever the order respondents were added in. (An epsilon
/// comparison inside `sort_by` would not be a total order.)
#[must_use]
pub fn rank_key(x: f64) -> i64 {
    (x / EPSILON).round() as i64
}

impl Band {
    /// The band of a mean score.
    #[must_use]
    pub fn of(mean: f64) -> Band {
        if mean >= 4.0 - EPSILON {
            Band::Sterk
        } else if mean >= 3.0 - EPSILON {
            Band::Aandacht
        } else {
            Band::Zorg
        }
    }
}

vocabulary! {
    /// How trust relates to the five concepts it rests on.
    TrustFlag {
        /// Trust runs ahead of its foundation: fragile.
        Voor = "voor",
        /// Trust lags behind its foundation: look at expectations and persons.
        Achter = "achter",
    }
}

vocabulary! {
    /// What the ladder answers of a group show.
    LadderFlag {
        /// The government stands higher than partners want.
        TeHoog = "te_hoog",
        /// The government stands lower than partners want.
        TeLaag = "te_laag",
        /// Respondents see the current rung two or more rungs apart.
        GeenBeeld = "geen_beeld",
        /// Respondents want the government two or more rungs apart.
        GeenBeeldGewenst = "geen_beeld_gewenst",
    }
}

vocabulary! {
    /// What an organisation's interests show.
    InterestFlag {
        /// Give and take differ by 2 or more.
        Onbalans = "onbalans",
        /// Little interest, little contribution and little passion, and not in the ring:
        /// the partner may be let go (tip 1). Named apart from the ladder rung *loslaten*.
        Vrijblijvend = "vrijblijvend",
    }
}

vocabulary! {
    /// The sector a respondent's organisation belongs to.
    Sector {
        /// Government: municipality, province, state.
        Overheid = "overheid",
        /// A societal organisation: care, welfare, housing, education.
        Maatschappelijk = "maatschappelijk",
        /// A company.
        Bedrijf = "bedrijf",
        /// Residents or clients, and their collectives.
        Bewoners = "bewoners",
    }
}

vocabulary! {
    /// The level a respondent works at (seed 002: board level and shop floor).
    Level {
        /// The board or the administration.
        Bestuur = "bestuur",
        /// Management.
        Management = "management",
        /// The shop floor.
        Uitvoering = "uitvoering",
    }
}

vocabulary! {
    /// How the work of the collaboration runs (seed 003).
    Form {
        /// A chain: linear, transactional, fixed handovers.
        Keten = "keten",
        /// A network: dynamic, co-creation between interdependent partners.
        Netwerk = "netwerk",
        /// Something of both.
        Mix = "mix",
    }
}

vocabulary! {
    /// How well the network is connected to one of the three groups around the problem.
    CoverageStatus {
        /// A partner holds the role and the connection is not rated low.
        Gedekt = "gedekt",
        /// No partner holds the role, but the partners rate the connection 3.0 or higher.
        Indirect = "indirect",
        /// A partner holds the role, but the partners rate the connection below 3.0.
        Zwak = "zwak",
        /// No partner holds the role and the connection is rated low or not at all.
        Ontbreekt = "ontbreekt",
    }
}

vocabulary! {
    /// Whose picture a report is: one respondent's own, or the group's.
    View {
        /// One respondent: advice speaks to that person ("Jij ziet ...").
        Respondent = "respondent",
        /// Several respondents: advice speaks about the partners.
        Group = "group",
    }
}
