//! The facilitator's full-screen views — the presenter for the projector and the live room
//! dashboard — run by the one terminal shell (`tui::shell`) around pure state, with the clock
//! and a look at `responses/` twice a second.
//!
//! - [`present`] / [`present_view`]: the presenter's state and drawing;
//! - [`dashboard`] / [`dashboard_view`] / [`dashboard_firms`] / [`dashboard_change`]: the
//!   dashboard's state and drawing (room panels; firm list, one firm, problem files; a
//!   follow-up room's change);
//! - [`keymap`]: their one key table; [`frame`]: title row, hint bar, too-small notice;
//! - [`resume`]: `run --workshop` offering the firm last answered on this machine;
//! - [`join`]: the join panel (the phone server's address and QR code, or how to start it);
//! - its words are in [`crate::tui::strings`], the terminal layer's one table.
//!
//! The folder is polled, not watched: polling works the same on a laptop disk, a USB stick, a
//! network share and a synced drive, where change notifications are missing or unreliable,
//! and a look costs one directory listing — only changed files are read again.

pub mod dashboard;
pub mod dashboard_change;
pub mod dashboard_firms;
pub mod dashboard_view;
pub mod frame;
pub mod join;
pub mod keymap;
pub mod present;
pub mod present_view;
pub mod resume;

use std::io::{self, IsTerminal};
use std::path::Path;
use std::time::{Duration, Instant, SystemTime};

use anyhow::{Result, bail};
use ratatui::crossterm::event::Event;
use ratatui::text::{Line, Span};

use self::dashboard::Dashboard;
use self::keymap::{Action, action_for};
use self::present::Presenter;
use super::theme::Theme;
use crate::domain::Lang;
use crate::workshop::Workshop;
use crate::workshop::room::Room;

/// How often `responses/` is looked at: a change shows within a second.
pub const POLL: Duration = Duration::from_millis(500);

/// One of the two views, as the shell drives it.
pub enum View {
    Present(Box<Presenter>),
    Dashboard(Box<Dashboard>),
}

impl View {
    /// Takes in the room as last read.
    pub fn set_room(&mut self, ws: &Workshop, room: &Room) {
        match self {
            View::Present(p) => p.set_room(&room.responses()),
            View::Dashboard(d) => {
                d.set_room(room.cohort(ws), room.responses(), room.problems());
                // The room's change, asked of the same code as the cohort report's.
                d.change = crate::progress::follow_up::change(ws).ok().flatten();
                if d.change.is_none() && d.tab == dashboard::Tab::Change {
                    d.tab = dashboard::Tab::Room;
                }
                // The local offset is asked once; the time moves on at every look.
                let offset = d
                    .clock
                    .map_or_else(|| crate::store::clock::Clock::system().offset, |c| c.offset);
                d.clock = Some(crate::store::clock::Clock {
                    now: SystemTime::now(),
                    offset,
                });
            }
        }
    }

    /// Where participants join: the folder for the commands shown, and the phone server's
    /// state file as last read.
    pub fn join_mut(&mut self) -> &mut join::Join {
        match self {
            View::Present(p) => &mut p.join,
            View::Dashboard(d) => &mut d.join,
        }
    }
}

/// Builds the view a command asks for, with the room read once.
pub fn view_for(ws: &Workshop, room: &Room, present: bool, named: bool, lang: Lang) -> View {
    let title = ws.meta.title.clone();
    let join = ws.meta.join_code.clone();
    let mut view = if present {
        View::Present(Box::new(Presenter::new(ws.inst.clone(), title, join, lang)))
    } else {
        View::Dashboard(Box::new(Dashboard::new(
            ws.inst.clone(),
            title,
            join,
            lang,
            named,
        )))
    };
    view.set_room(ws, room);
    let j = view.join_mut();
    j.folder = ws.dir.display().to_string();
    j.serving = crate::serve::state::ServeState::live(&ws.dir, SystemTime::now());
    view
}

/// What the command line asks of a facilitator's view, as plain values.
pub struct RoomOptions {
    /// The workshop, opened by the caller.
    pub ws: Workshop,
    pub lang: Lang,
    /// The presenter; otherwise the dashboard.
    pub present: bool,
    /// The dashboard shows firm names.
    pub named: bool,
}

/// `smecheck workshop present|dashboard DIR`.
pub fn start(options: RoomOptions) -> Result<()> {
    let RoomOptions {
        ws,
        lang,
        present,
        named,
    } = options;
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        let name = if present {
            "smecheck workshop present"
        } else {
            "smecheck workshop dashboard"
        };
        bail!(
            "{}",
            crate::workshop::text::NEEDS_TERMINAL.fill(lang, &[&name])
        );
    }
    for n in &ws.notes {
        eprintln!("{n}");
    }
    let mut room = Room::new();
    room.scan(&ws, SystemTime::now());
    let mut view = view_for(&ws, &room, present, named, lang);
    match &mut view {
        View::Present(p) => p.theme = Theme::from_env(),
        View::Dashboard(d) => d.theme = Theme::from_env(),
    }

    let mut screen = RoomScreen {
        ws: &ws,
        room,
        view,
        paced: None,
        started: Instant::now(),
        last_look: Instant::now(),
    };
    let result = super::shell::run(&mut screen, lang, None);
    if screen.paced.is_some() {
        crate::serve::state::PresentState::remove(&ws.dir);
    }
    result
}

/// The presenter or the dashboard as the shell drives it, with the room it watches.
struct RoomScreen<'a> {
    ws: &'a Workshop,
    room: Room,
    view: View,
    /// What the presenter last told a paced phone server, and when.
    paced: Option<(usize, Instant)>,
    started: Instant,
    last_look: Instant,
}

impl super::shell::Screen for RoomScreen<'_> {
    type Action = Action;
    // The clock and the timer move: drawn ten times a second.
    const WAIT: Duration = Duration::from_millis(100);

    fn draw(&self, frame: &mut ratatui::Frame) {
        match &self.view {
            View::Present(p) => present_view::draw(frame, p),
            View::Dashboard(d) => dashboard_view::draw(frame, d),
        }
    }

    fn action(&self, event: Event) -> Option<Action> {
        match event {
            Event::Key(k) => match &self.view {
                View::Present(p) => action_for(p.ctx(), k),
                View::Dashboard(d) => action_for(d.ctx(), k),
            },
            _ => None,
        }
    }

    fn perform(&mut self, action: Action) {
        match &mut self.view {
            View::Present(p) => p.update(action),
            View::Dashboard(d) => d.update(action),
        }
    }

    fn tick(&mut self) -> bool {
        let ws = self.ws;
        pace(ws, &self.view, &mut self.paced);
        match &mut self.view {
            View::Present(p) => p.tick(self.started.elapsed()),
            // The dashboard's clock moves on with the wall clock's.
            View::Dashboard(d) => {
                if let Some(c) = d.clock.as_mut() {
                    c.now = SystemTime::now();
                }
            }
        }
        if self.last_look.elapsed() >= POLL {
            self.last_look = Instant::now();
            if self.room.scan(ws, SystemTime::now()) {
                self.view.set_room(ws, &self.room);
            }
            self.view.join_mut().serving =
                crate::serve::state::ServeState::live(&ws.dir, SystemTime::now());
        }
        true
    }

    fn done(&self) -> bool {
        match &self.view {
            View::Present(p) => p.quit,
            View::Dashboard(d) => d.quit,
        }
    }
}

/// The presenter tells a paced phone server how far phones may go: the end of the section on
/// the projector, written when it changes and refreshed with each look at the room.
fn pace(ws: &Workshop, view: &View, written: &mut Option<(usize, Instant)>) {
    let View::Present(p) = view else {
        return;
    };
    let sections = p.sections_list();
    let Some(through) = p
        .section_of(p.index)
        .and_then(|i| sections.get(i))
        .map(|s| s.last)
    else {
        return;
    };
    let due = written
        .is_none_or(|(w, at)| w != through || at.elapsed() >= crate::serve::state::HEARTBEAT);
    if due {
        let mut st = crate::serve::state::PresentState {
            open_through: through,
            heartbeat: 0,
        };
        // Failing to write only means phones are not held back.
        let _ = st.write(&ws.dir, SystemTime::now());
        *written = Some((through, Instant::now()));
    }
}

/// The participant's firm code on the welcome screen.
pub fn firm_code_welcome(code: &str, lang: Lang, theme: Theme) -> Line<'static> {
    Line::from(vec![
        Span::styled(crate::tui::strings::FIRM_CODE.get(lang), theme.title()),
        Span::styled(code.to_string(), theme.key()),
        Span::styled(
            format!("  {}", crate::tui::strings::FIRM_CODE_NOTE.get(lang)),
            theme.muted(),
        ),
    ])
}

/// The participant's firm code as one line of plain text.
pub fn firm_code_line(code: &str, lang: Lang) -> String {
    format!(
        "{}{code}  {}",
        crate::tui::strings::FIRM_CODE.get(lang),
        crate::tui::strings::FIRM_CODE_NOTE.get(lang)
    )
}

/// What a participant reads after the self-check: their code and how to come back.
pub fn farewell(code: &str, answers: &Path, lang: Lang) -> String {
    // answers = DIR/responses/CODE.json
    let dir = answers
        .parent()
        .and_then(Path::parent)
        .unwrap_or(Path::new("."));
    let shown = dir.display();
    crate::tui::strings::FIRM_CODE_FAREWELL.fill(lang, &[&code, &shown, &shown, &code])
}
