//! `report.html`: the harvest report for a person, in Finnish, Swedish or English. Everything
//! from a source is escaped: a feed's text never becomes markup here either.

use serde_json::Value;

/// The page's words in one language.
struct Words {
    lang: &'static str,
    title: &'static str,
    generated: &'static str,
    events_total: &'static str,
    source: &'static str,
    format: &'static str,
    events: &'static str,
    errors: &'static str,
    warnings: &'static str,
    state: &'static str,
    ok: &'static str,
    failed: &'static str,
    last_good: &'static str,
    held_back: &'static str,
    unchanged: &'static str,
    findings: &'static str,
    more: &'static str,
}

const FI: Words = Words {
    lang: "fi",
    title: "Kulttuurikartan haravointiraportti",
    generated: "Laadittu",
    events_total: "Tapahtumia syötteessä",
    source: "Lähde",
    format: "Muoto",
    events: "Tapahtumia",
    errors: "Virheitä",
    warnings: "Huomautuksia",
    state: "Tila",
    ok: "luettu",
    failed: "ei saatu luettua",
    last_good: "näytetään edellinen onnistunut haku",
    held_back: "tapahtumia väheni yli puolella: edellinen haku pidetään",
    unchanged: "ei muuttunut",
    findings: "Korjattavaa",
    more: "lisää: report.json",
};

const SV: Words = Words {
    lang: "sv",
    title: "Kulttuurikartta: rapport om insamlingen",
    generated: "Skapad",
    events_total: "Evenemang i flödet",
    source: "Källa",
    format: "Format",
    events: "Evenemang",
    errors: "Fel",
    warnings: "Anmärkningar",
    state: "Läge",
    ok: "läst",
    failed: "kunde inte läsas",
    last_good: "den senaste lyckade hämtningen visas",
    held_back: "över hälften av evenemangen försvann: den förra hämtningen behålls",
    unchanged: "oförändrad",
    findings: "Att rätta",
    more: "fler: report.json",
};

const EN: Words = Words {
    lang: "en",
    title: "Kulttuurikartta harvest report",
    generated: "Generated",
    events_total: "Events in the feed",
    source: "Source",
    format: "Format",
    events: "Events",
    errors: "Errors",
    warnings: "Warnings",
    state: "State",
    ok: "read",
    failed: "could not be read",
    last_good: "showing the last good copy",
    held_back: "over half of its events disappeared: the last run's copy is kept",
    unchanged: "unchanged",
    findings: "To fix",
    more: "more: report.json",
};

/// Findings shown per source; the rest are in report.json.
const MAX_FINDINGS: usize = 200;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => esc(s),
        Value::Null => String::new(),
        other => esc(&other.to_string()),
    }
}

/// The report as a page. `lang` is fi, sv or en (anything else is Finnish).
pub fn render(report: &Value, lang: &str) -> String {
    let w = match lang {
        "sv" => &SV,
        "en" => &EN,
        _ => &FI,
    };
    let empty = Vec::new();
    let sources = report["sources"].as_array().unwrap_or(&empty);
    let mut rows = String::new();
    let mut details = String::new();
    for s in sources {
        let mut state = vec![if s["error"].is_string() {
            w.failed
        } else {
            w.ok
        }
        .to_owned()];
        if s["used_last_good"] == true {
            state.push(w.last_good.to_owned());
        }
        if s["held_back"] == true {
            state.push(w.held_back.to_owned());
        }
        if s["not_modified"] == true {
            state.push(w.unchanged.to_owned());
        }
        let error = s["error"]
            .as_str()
            .map(|e| format!("<br><code>{}</code>", esc(e)))
            .unwrap_or_default();
        rows += &format!(
            "<tr><th scope=\"row\">{}<br><small>{}</small></th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}{error}</td></tr>\n",
            text(&s["name"]),
            text(&s["source"]),
            text(&s["format"]),
            text(&s["events"]),
            text(&s["errors"]),
            text(&s["warnings"]),
            esc(&state.join("; ")),
        );
        let findings = s["findings"].as_array().unwrap_or(&empty);
        if !findings.is_empty() {
            details += &format!("<h3>{}</h3>\n<ul>\n", text(&s["name"]));
            for f in findings.iter().take(MAX_FINDINGS) {
                details += &format!(
                    "<li class=\"{}\"><code>{}</code> {} {}</li>\n",
                    text(&f["severity"]),
                    text(&f["path"]),
                    f["id"]
                        .as_str()
                        .map(|i| format!("(<code>{}</code>)", esc(i)))
                        .unwrap_or_default(),
                    text(&f["message"]),
                );
            }
            if findings.len() > MAX_FINDINGS {
                details += &format!("<li>… {} {}</li>\n", findings.len() - MAX_FINDINGS, w.more);
            }
            details += "</ul>\n";
        }
    }
    format!(
        r#"<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font: 16px/1.5 system-ui, sans-serif; margin: 1rem auto; max-width: 70rem; padding: 0 1rem; color: #1a1a1a; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border: 1px solid #767676; padding: .4rem; text-align: left; vertical-align: top; }}
small {{ color: #4a4a4a; word-break: break-all; }}
li.error {{ color: #8b0000; }}
</style>
</head>
<body>
<h1>{title}</h1>
<p>{generated}: <time datetime="{at}">{at}</time>. {events_total}: <strong>{total}</strong>.</p>
<table>
<thead><tr><th scope="col">{source}</th><th scope="col">{format}</th><th scope="col">{events}</th><th scope="col">{errors}</th><th scope="col">{warnings}</th><th scope="col">{state}</th></tr></thead>
<tbody>
{rows}</tbody>
</table>
<h2>{findings}</h2>
{details}</body>
</html>
"#,
        lang = w.lang,
        title = w.title,
        generated = w.generated,
        at = text(&report["generated"]),
        events_total = w.events_total,
        total = text(&report["events"]),
        source = w.source,
        format = w.format,
        events = w.events,
        errors = w.errors,
        warnings = w.warnings,
        state = w.state,
        findings = w.findings,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn report() -> Value {
        json!({
            "generated": "2026-12-02T10:00:00+00:00",
            "events": 3,
            "sources": [
                {"name": "kunta", "source": "https://kunta.example/e.json", "format": "json", "events": 3,
                 "errors": 1, "warnings": 0, "error": null, "used_last_good": false, "held_back": false,
                 "findings": [{"severity": "error", "path": "data[1].name", "id": "<b>x</b>", "message": "no <script>name</script>"}]},
                {"name": "kirjasto", "source": "k.ics", "format": "icalendar", "events": 0, "errors": 0,
                 "warnings": 0, "error": "the server answered HTTP 500", "used_last_good": true, "held_back": false, "findings": []}
            ]
        })
    }

    #[test]
    fn the_report_is_in_finnish_by_default_and_in_swedish_or_english_by_choice() {
        let fi = render(&report(), "fi");
        assert!(
            fi.contains(r#"<html lang="fi">"#) && fi.contains("Kulttuurikartan haravointiraportti")
        );
        assert!(fi.contains("ei saatu luettua; näytetään edellinen onnistunut haku"));
        assert!(fi.contains("Tapahtumia syötteessä: <strong>3</strong>"));
        assert!(render(&report(), "sv").contains("den senaste lyckade hämtningen visas"));
        assert!(render(&report(), "en").contains(r#"<html lang="en">"#));
    }

    #[test]
    fn a_feeds_text_never_becomes_markup() {
        let html = render(&report(), "fi");
        assert!(!html.contains("<script>name"), "{html}");
        assert!(html.contains("no &lt;script&gt;name&lt;/script&gt;"));
        assert!(html.contains("(<code>&lt;b&gt;x&lt;/b&gt;</code>)"));
    }
}
