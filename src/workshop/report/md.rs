//! The cohort report as Markdown: pastes into a wiki, an e-mail or a chat, and reads as plain
//! text where Markdown is not rendered.

use std::io::{self, Write};

use super::doc::{Block, Cell, Doc, FirmRows, Table};

pub use crate::domain::report::md_escape as escape;
use crate::domain::report::{md_table_head, md_table_row};

/// A share as a 10-cell text bar with its percentage.
pub fn bar(share: f64) -> String {
    let filled = (share.clamp(0.0, 1.0) * 10.0).round() as usize;
    format!(
        "{}{} {:.0}%",
        "█".repeat(filled),
        "░".repeat(10 - filled),
        share * 100.0
    )
}

fn cell(c: &Cell) -> String {
    match c {
        Cell::Text(t) => escape(t),
        Cell::Bar(share) => bar(*share),
    }
}

fn cells(row: &[Cell]) -> String {
    md_table_row(row.iter().map(cell))
}

fn head(t: &Table, out: &mut dyn Write) -> io::Result<()> {
    let right = |i: usize| t.right.get(i).copied().unwrap_or(false);
    out.write_all(md_table_head(&t.head, right).as_bytes())
}

pub fn write(doc: &Doc, firm_rows: FirmRows, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# {}", escape(&doc.title))?;
    writeln!(out)?;
    for m in &doc.meta {
        // Two trailing spaces: a line break inside the paragraph.
        writeln!(out, "{}  ", escape(m))?;
    }
    writeln!(out)?;
    for n in &doc.notes {
        writeln!(out, "> {}", escape(n))?;
        writeln!(out, ">")?;
    }
    for s in &doc.sections {
        writeln!(out)?;
        writeln!(out, "## {}", escape(&s.heading))?;
        for b in &s.blocks {
            writeln!(out)?;
            match b {
                Block::Para(p) => writeln!(out, "{}", escape(p))?,
                Block::Sub(h) => writeln!(out, "### {}", escape(h))?,
                Block::List(items) => {
                    for i in items {
                        writeln!(out, "- {}", escape(i))?;
                    }
                }
                Block::Table(t) => {
                    head(t, out)?;
                    for row in &t.rows {
                        out.write_all(cells(row).as_bytes())?;
                    }
                }
                Block::Firms(t) => {
                    head(t, out)?;
                    firm_rows(&mut |row| out.write_all(cells(&row).as_bytes()))?;
                }
            }
        }
    }
    Ok(())
}
