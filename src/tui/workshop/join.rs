//! How participants join, on the projector: while `workshop serve` runs for the folder, its
//! address, QR code and the join code; otherwise the commands that let them in.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::domain::Lang;
use crate::domain::wrap::{width, wrap};
use crate::serve::state::{ServeState, qr_lines};
use crate::tui::strings as st;
use crate::tui::theme::Theme;

/// What the views know about joining.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Join {
    pub code: String,
    /// The workshop folder as the facilitator typed it, for the commands shown.
    pub folder: String,
    /// The phone server running for this folder, if any.
    pub serving: Option<ServeState>,
}

impl Join {
    pub fn new(code: String, folder: String) -> Join {
        Join {
            code,
            folder,
            serving: None,
        }
    }

    /// The QR code's lines, when a server runs.
    pub fn qr(&self) -> Vec<String> {
        self.serving
            .as_ref()
            .map(|s| qr_lines(&s.url))
            .unwrap_or_default()
    }

    /// The QR code's size in cells (width, height); zero when there is none.
    pub fn qr_size(&self) -> (u16, u16) {
        let qr = self.qr();
        let w = qr.first().map_or(0, |l| l.chars().count());
        (w as u16, qr.len() as u16)
    }

    /// One line for the header: where phones go; empty while no server runs (the empty
    /// room shows how to start one).
    pub fn bar(&self, lang: Lang) -> String {
        match &self.serving {
            Some(s) => st::JOIN_AT.fill(lang, &[&s.url]),
            None => String::new(),
        }
    }

    /// [`Join::bar`] when it fits beside `used` columns of a `w`-wide row, else the bare
    /// address.
    pub fn bar_fit(&self, lang: Lang, w: usize, used: usize) -> String {
        let bar = self.bar(lang);
        match &self.serving {
            Some(s) if used + 2 + width(&bar) > w => s.url.clone(),
            _ => bar,
        }
    }

    /// The lines beside or under the QR code.
    pub fn lines(&self, lang: Lang, theme: Theme, w: usize) -> Vec<Line<'static>> {
        let mut out = Vec::new();
        match &self.serving {
            Some(s) => {
                out.push(Line::styled(
                    st::JOIN_SCAN.get(lang).to_string(),
                    theme.title(),
                ));
                for u in &s.urls {
                    out.push(Line::styled(u.clone(), theme.key()));
                }
            }
            None => {
                for l in wrap(
                    &st::NO_SERVER.fill(lang, &[&self.folder, &self.folder]),
                    w,
                    "",
                    "",
                ) {
                    out.push(Line::raw(l));
                }
            }
        }
        out.push(Line::from(vec![
            Span::styled(format!("{} ", st::JOIN.get(lang)), theme.title()),
            Span::styled(self.code.clone(), theme.key()),
        ]));
        out
    }

    /// On a screen wide enough and at least `spare` rows taller than the QR code, draws the
    /// panel at the right of `area`, `margins` (top, bottom) rows in from its ends; returns
    /// what is left of `area` for the rest (all of it when no panel is drawn).
    pub fn beside(
        &self,
        frame: &mut Frame,
        area: Rect,
        margins: (u16, u16),
        spare: u16,
        lang: Lang,
        theme: Theme,
    ) -> Rect {
        let (qw, qh) = self.qr_size();
        if qw == 0 || area.width < 118 || area.height < qh + spare {
            return area;
        }
        let panel_w = qw + 4;
        let (top, bottom) = margins;
        let h = area.height.saturating_sub(top + bottom);
        let panel = Rect::new(area.right() - panel_w, area.y + top, panel_w, h);
        if !self.draw_panel(frame, panel, lang, theme) {
            return area;
        }
        Rect::new(area.x, area.y, area.width - panel_w - 1, area.height)
    }

    /// Draws the QR code with the address and join code under it, or beside it when the
    /// area is too low, centred in `area`; returns false (drawing nothing) when neither fits.
    pub fn draw_panel(&self, frame: &mut Frame, area: Rect, lang: Lang, theme: Theme) -> bool {
        let (qw, qh) = self.qr_size();
        let text = self.lines(lang, theme, area.width as usize);
        let text_w = text
            .iter()
            .map(|l| width(&l.to_string()) as u16)
            .max()
            .unwrap_or(0);
        let text_h = text.len() as u16;
        // Light modules are drawn as blocks: white on black whatever the terminal's colours,
        // so the code scans on a light and a dark background alike.
        let qr_style = if theme.color {
            Style::new().fg(Color::White).bg(Color::Black)
        } else {
            Style::new()
        };
        let qr: Vec<Line> = self
            .qr()
            .into_iter()
            .map(|l| Line::styled(l, qr_style))
            .collect();
        let under_h = qh + text_h + u16::from(qh > 0);
        if under_h <= area.height && qw.max(text_w) <= area.width {
            let top = area.y + (area.height - under_h) / 2;
            if qh > 0 {
                let x = area.x + (area.width - qw) / 2;
                frame.render_widget(Paragraph::new(qr), Rect::new(x, top, qw, qh));
            }
            frame.render_widget(
                Paragraph::new(text).alignment(Alignment::Center),
                Rect::new(area.x, top + qh + u16::from(qh > 0), area.width, text_h),
            );
            return true;
        }
        let beside_w = qw + 2 + text_w;
        if qh > 0 && qh <= area.height && beside_w <= area.width {
            let x = area.x + (area.width - beside_w) / 2;
            let top = area.y + (area.height - qh) / 2;
            frame.render_widget(Paragraph::new(qr), Rect::new(x, top, qw, qh));
            let ty = top + (qh.saturating_sub(text_h)) / 2;
            frame.render_widget(
                Paragraph::new(text),
                Rect::new(x + qw + 2, ty, text_w, text_h.min(qh)),
            );
            return true;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_says_where_to_go_or_what_to_run() {
        let mut j = Join::new("K7MQ".into(), "/tmp/salon".into());
        assert_eq!(j.bar(Lang::En), "");
        let text: Vec<String> = j
            .lines(Lang::En, Theme::default(), 100)
            .iter()
            .map(|l| l.to_string())
            .collect();
        assert!(
            text.iter()
                .any(|l| l.contains("smecheck workshop serve /tmp/salon")),
            "{text:?}"
        );
        assert_eq!(j.qr_size(), (0, 0));
        j.serving = Some(ServeState {
            url: "http://192.168.1.20:8080/".into(),
            urls: vec!["http://192.168.1.20:8080/".into()],
            join_code: "K7MQ".into(),
            paced: false,
            heartbeat: 0,
        });
        assert!(j.bar(Lang::Zh).contains("http://192.168.1.20:8080/"));
        let (w, h) = j.qr_size();
        assert!(w >= 25 && h >= 13, "{w}x{h}");
    }
}
