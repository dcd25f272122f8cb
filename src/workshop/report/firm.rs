//! What a cohort report keeps of one firm once it is read and scored: its code, progress and
//! the scores the report prints, a few hundred bytes instead of its answers and score card.
//! Over a large room these records wait in a temporary file while the room's statistics are
//! gathered, so memory stays flat however many firms there are.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Seek, SeekFrom, Write};

use serde::{Deserialize, Serialize};

use crate::domain::cohort::Status;
use crate::domain::model::{DimensionId, Level, ProposalId, Questionnaire};
use crate::workshop::room::Response;

/// Marks a score without a level.
const NO_LEVEL: u8 = u8::MAX;

/// One firm as the cohort report shows it. Areas, dimensions, ladders, levels and findings are
/// kept by their position in the questionnaire, so a record is mostly numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Firm {
    pub code: String,
    /// Only kept when the report names firms.
    pub name: Option<String>,
    pub status: Status,
    /// Answered (incl. "don't know") and asked scored questions.
    pub answered: usize,
    pub asked: usize,
    /// Overall, then every area in questionnaire order: the score and the position of its
    /// level in the list it comes from.
    marks: Vec<(Option<f64>, u8)>,
    /// Every dimension, in questionnaire order.
    dimensions: Vec<Option<f64>>,
    /// The rung reached on every ladder.
    rungs: Vec<usize>,
    pub breadth: Option<f64>,
    /// Positions of the findings that apply.
    findings: Vec<usize>,
    pub proposals: Vec<ProposalId>,
}

/// One area's (or the overall) score and level, as the report prints them.
pub struct Mark<'q> {
    /// An area id, or `overall`.
    pub id: &'q str,
    /// `None` when too few answers support a score.
    pub score: Option<f64>,
    pub level: &'q str,
    /// The area's dimensions with their scores (none for overall).
    pub dimensions: Vec<(&'q DimensionId, Option<f64>)>,
}

/// The rung reached on one ladder.
pub struct Reached<'q> {
    pub id: &'q str,
    pub rung: &'q str,
    pub index: usize,
    pub of: usize,
}

fn level_index(levels: &[Level], id: &str) -> u8 {
    levels
        .iter()
        .position(|l| l.id == id)
        .and_then(|i| u8::try_from(i).ok())
        .unwrap_or(NO_LEVEL)
}

fn level_id(levels: &[Level], i: u8) -> &str {
    levels.get(usize::from(i)).map_or("", |l| l.id.as_str())
}

impl Firm {
    pub fn of(q: &Questionnaire, r: &Response, named: bool) -> Firm {
        let card = &r.card;
        let (answered, asked) = r.progress();
        let mut marks = vec![(
            card.overall_score,
            level_index(&q.levels, card.overall_level.as_str()),
        )];
        let mut dimensions = Vec::with_capacity(q.dimensions().count());
        for area in &q.areas {
            let got = card.areas.iter().find(|a| a.id == area.id);
            marks.push(got.map_or((None, NO_LEVEL), |a| {
                (a.score, level_index(&area.levels, a.level.as_str()))
            }));
            for d in &area.dimensions {
                dimensions.push(
                    got.and_then(|a| a.dimensions.iter().find(|x| x.id == d.id))
                        .and_then(|x| x.score),
                );
            }
        }
        Firm {
            code: r.code.to_string(),
            name: if named { r.name(q) } else { None },
            status: r.status(),
            answered,
            asked,
            marks,
            dimensions,
            rungs: q
                .ladders
                .iter()
                .map(|l| {
                    card.ladders
                        .iter()
                        .find(|x| x.id == l.id)
                        .map_or(0, |x| x.index)
                })
                .collect(),
            breadth: card.breadth,
            findings: q
                .findings
                .iter()
                .enumerate()
                .filter(|(_, f)| card.findings.contains(&f.id))
                .map(|(i, _)| i)
                .collect(),
            proposals: card
                .recommendations
                .iter()
                .map(|x| x.proposal.clone())
                .collect(),
        }
    }

    pub fn finished(&self) -> bool {
        self.status == Status::Finished
    }

    /// The overall mark.
    pub fn overall<'q>(&self, q: &'q Questionnaire) -> Mark<'q> {
        let (score, level) = self.marks.first().copied().unwrap_or((None, NO_LEVEL));
        Mark {
            id: "overall",
            score,
            level: level_id(&q.levels, level),
            dimensions: Vec::new(),
        }
    }

    /// Every area's mark, in questionnaire order.
    pub fn areas<'q>(&self, q: &'q Questionnaire) -> Vec<Mark<'q>> {
        let mut dims = self.dimensions.iter().copied();
        q.areas
            .iter()
            .zip(self.marks.iter().skip(1))
            .map(|(a, (score, level))| Mark {
                id: a.id.as_str(),
                score: *score,
                level: level_id(&a.levels, *level),
                dimensions: a
                    .dimensions
                    .iter()
                    .map(|d| (&d.id, dims.next().flatten()))
                    .collect(),
            })
            .collect()
    }

    /// The rung reached on every ladder.
    pub fn ladders<'q>(&self, q: &'q Questionnaire) -> Vec<Reached<'q>> {
        q.ladders
            .iter()
            .zip(&self.rungs)
            .map(|(l, i)| Reached {
                id: l.id.as_str(),
                rung: l.rungs.get(*i).map_or("", |r| r.id.as_str()),
                index: *i,
                of: l.rungs.len(),
            })
            .collect()
    }

    /// The ids of the findings that apply.
    pub fn findings<'q>(&self, q: &'q Questionnaire) -> Vec<&'q str> {
        self.findings
            .iter()
            .filter_map(|i| q.findings.get(*i))
            .map(|f| f.id.as_str())
            .collect()
    }

    /// (area id or `overall`, score) of every scored mark, to place the firm in the room.
    pub fn scores<'q>(&self, q: &'q Questionnaire) -> Vec<(&'q str, f64)> {
        std::iter::once("overall")
            .chain(q.areas.iter().map(|a| a.id.as_str()))
            .zip(self.marks.iter().map(|(s, _)| *s))
            .filter_map(|(id, s)| s.map(|s| (id, s)))
            .collect()
    }
}

/// The firms of a report, in firm-code order: held in memory, or waiting in a temporary file.
#[derive(Debug)]
pub enum Firms {
    Held(Vec<Firm>),
    Spilled { file: File, count: usize },
}

impl Firms {
    pub fn len(&self) -> usize {
        match self {
            Firms::Held(v) => v.len(),
            Firms::Spilled { count, .. } => *count,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Hands every firm to `each`, in order; may be called again.
    pub fn for_each(&self, mut each: impl FnMut(&Firm) -> io::Result<()>) -> io::Result<()> {
        match self {
            Firms::Held(v) => v.iter().try_for_each(each),
            Firms::Spilled { file, .. } => {
                let mut f: &File = file;
                f.seek(SeekFrom::Start(0))?;
                for line in BufReader::with_capacity(1 << 16, f).lines() {
                    let firm: Firm = serde_json::from_str(&line?).map_err(io::Error::other)?;
                    each(&firm)?;
                }
                Ok(())
            }
        }
    }
}

/// Writes firms to an anonymous temporary file (removed by the system when closed, on every
/// platform), one JSON line each.
pub struct Spill {
    out: BufWriter<File>,
    count: usize,
}

impl Spill {
    pub fn new() -> io::Result<Spill> {
        Ok(Spill {
            out: BufWriter::with_capacity(1 << 16, tempfile::tempfile()?),
            count: 0,
        })
    }

    pub fn push(&mut self, firm: &Firm) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, firm).map_err(io::Error::other)?;
        self.out.write_all(b"\n")?;
        self.count += 1;
        Ok(())
    }

    pub fn finish(self) -> io::Result<Firms> {
        let file = self.out.into_inner().map_err(|e| e.into_error())?;
        Ok(Firms::Spilled {
            file,
            count: self.count,
        })
    }
}
