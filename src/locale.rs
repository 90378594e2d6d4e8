//! Locales: discover the language folders, negotiate the requested language and
//! format its Fluent messages into plain text.
//!
//! A locale is a folder `locales/<tag>/` of `.ftl` files; adding a folder adds a
//! language, with no code change. `sv-FI` negotiates to `sv` when there is no
//! `sv-FI` folder. Bidi isolation marks are off (they would end up in the PDF), and
//! every Fluent parse or resolver error is fatal: a leaflet never prints `{$name}`.

use std::collections::{HashMap, HashSet};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use fluent_langneg::{negotiate_languages, NegotiationStrategy};
use fluent_syntax::ast;
use unic_langid::LanguageIdentifier;

use std::borrow::Cow;

use crate::diagnostic::{Diagnostic, Diagnostics, Source};
use crate::hyphenate::{Hyphenator, EXCEPTIONS_FILE};
use crate::messages::msg;
use crate::store::Store;

/// The reference locale: every other locale is compared with it.
pub const REFERENCE: &str = "sv";
/// The pseudo-locale: the reference text, accented and made longer.
pub const PSEUDO: &str = "qps";

/// The file of the tool's own messages (errors, warnings, hints and summaries;
/// see [`crate::messages`]): English stands in for a message a language lacks.
pub const MESSAGES_FILE: &str = "messages.ftl";
/// The files whose messages are read on a screen and never printed: their
/// characters need no glyph in the leaflet's fonts.
pub const SCREEN_FILES: [&str; 2] = [MESSAGES_FILE, "web.ftl"];

/// The prefix of messages that list a national helpline, printed in file order.
pub const HELPLINE_PREFIX: &str = "helpline-";

/// How many months a helpline's number and hours are trusted after they were
/// last checked (its `.checked` month): then `check` and `build` warn.
pub const CHECKED_FOR_MONTHS: i32 = 12;

/// A month, as a helpline's `.checked` gives it (`2026-11`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Month {
    year: i32,
    month: i32,
}

impl Month {
    /// `2026-11`; none for anything else.
    pub fn parse(text: &str) -> Option<Month> {
        let (year, month) = text.trim().split_once('-')?;
        let (year, month): (i32, i32) = (year.parse().ok()?, month.parse().ok()?);
        ((1900..=9999).contains(&year) && (1..=12).contains(&month) && text.trim().len() == 7)
            .then_some(Month { year, month })
    }

    /// The month of a moment (seconds since 1970, UTC), or of now.
    pub fn of(seconds: Option<i64>) -> Month {
        let moment = seconds
            .and_then(|s| jiff::Timestamp::from_second(s).ok())
            .unwrap_or_else(jiff::Timestamp::now);
        let date = moment.to_zoned(jiff::tz::TimeZone::UTC).date();
        Month {
            year: i32::from(date.year()),
            month: i32::from(date.month()),
        }
    }

    /// Whether a check made in this month is too old in `today`'s.
    pub fn is_stale(self, today: Month) -> bool {
        (today.year * 12 + today.month) - (self.year * 12 + self.month) > CHECKED_FOR_MONTHS
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// One language's messages, ready to format.
pub struct Locale {
    /// The language this locale is for (its folder's name).
    pub lang: LanguageIdentifier,
    bundle: FluentBundle<FluentResource>,
    helplines: Vec<String>,
    /// Where each message is defined: its file and line and column there, for
    /// errors about its text (it does not fit).
    places: HashMap<String, (std::path::PathBuf, (usize, usize))>,
    folder: String,
    /// The folder as a person sees it (`locales/sv`), for messages.
    path: std::path::PathBuf,
    hyphenator: Hyphenator,
}

impl std::fmt::Debug for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Locale")
            .field("lang", &self.lang)
            .finish_non_exhaustive()
    }
}

/// The languages there are folders for, sorted.
pub fn available(store: &Store) -> Result<Vec<LanguageIdentifier>, Diagnostics> {
    Ok(store
        .folders()?
        .into_iter()
        .filter_map(|name| name.parse().ok())
        .collect())
}

/// Pick the available language that serves a request (`sv-FI` → `sv`).
pub fn negotiate(
    requested: &str,
    available: &[LanguageIdentifier],
) -> Result<LanguageIdentifier, Diagnostics> {
    let list = || {
        available
            .iter()
            .map(|l| format!("`{l}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let parsed = if requested.len() <= MAX_TAG_LEN {
        requested.parse().ok()
    } else {
        None
    };
    let wanted: LanguageIdentifier = parsed.ok_or_else(|| {
        let requested: String = requested.chars().take(MAX_TAG_LEN).collect();
        Diagnostics::one(
            Diagnostic::error(msg("locale-not-a-code").arg("lang", requested))
                .field("--lang")
                .hint(msg("hint-languages").arg("langs", list())),
        )
    })?;
    negotiate_languages(&[wanted], available, None, NegotiationStrategy::Filtering)
        .first()
        .map(|l| (*l).clone())
        .ok_or_else(|| {
            Diagnostics::one(
                Diagnostic::error(msg("locale-no-text").arg("lang", requested))
                    .field("--lang")
                    .hint(msg("hint-languages").arg("langs", list()))
                    .hint(msg("hint-add-language-folder")),
            )
        })
}

/// Negotiate `requested` and load that locale's messages. The pseudo-locale
/// [`PSEUDO`] is the reference text made about a third longer, for previews.
pub fn load(store: &Store, requested: &str) -> Result<Locale, Diagnostics> {
    if is_pseudo(requested) {
        let lang = PSEUDO
            .parse()
            .map_err(|_| Diagnostic::error(msg("locale-pseudo-tag")))?;
        return load_folder(store, REFERENCE, lang, true);
    }
    let lang = negotiate(requested, &available(store)?)?;
    load_folder(store, &lang.to_string(), lang, false)
}

/// The file in a locale folder with a commented contacts file to start from; it
/// may say `@LANGUAGES@` where the codes of the languages there are belong.
pub const CONTACTS_TEMPLATE: &str = "contacts-template.toml";

/// A contacts template, with a warning when it is not in the language asked for.
pub struct Template {
    /// The template.
    pub text: String,
    /// A note that the reference language's template was used instead.
    pub warnings: Vec<Diagnostic>,
}

/// The commented contacts file of a language, or the reference language's.
pub fn contacts_template(store: &Store, requested: &str) -> Result<Template, Diagnostics> {
    let lang = negotiate(requested, &available(store)?)?.to_string();
    let mut warnings = Vec::new();
    let mut folder = lang.as_str();
    if !store.contains(&format!("{folder}/{CONTACTS_TEMPLATE}")) {
        warnings.push(Diagnostic::warning(
            msg("locale-no-template")
                .arg("lang", lang.as_str())
                .arg("reference", REFERENCE),
        ));
        folder = REFERENCE;
    }
    let rel = format!("{folder}/{CONTACTS_TEMPLATE}");
    // The template names the languages there are where it says @LANGUAGES@, so a
    // translator's new language is offered with no change to any template.
    let langs: Vec<String> = available(store)?.iter().map(ToString::to_string).collect();
    let text = store
        .read_text(&rel)?
        .replace(LANGUAGES_MARK, &langs.join(", "));
    Ok(Template { text, warnings })
}

/// Where a contacts template lists the language codes there are.
const LANGUAGES_MARK: &str = "@LANGUAGES@";

/// Whether a language tag asks for the pseudo-locale.
pub fn is_pseudo(tag: &str) -> bool {
    tag == PSEUDO
        || (tag.starts_with("qps-")
            && tag.len() <= MAX_TAG_LEN
            && tag.parse::<LanguageIdentifier>().is_ok())
}

/// The longest language tag looked at (RFC 5646 asks every implementation to take
/// 35 characters); a longer one is refused before it is parsed or kept.
pub const MAX_TAG_LEN: usize = 35;

/// The pseudo-translation: accented letters, vowels doubled (about 30 % longer).
fn pseudo(text: &str) -> Cow<'_, str> {
    fluent_pseudo::transform(text, false, true)
}

/// The `.ftl` files of a locale folder, as text, sorted by name.
pub fn sources(store: &Store, folder: &str) -> Result<Vec<Source>, Diagnostics> {
    let files = store.files(folder, "ftl")?;
    if files.is_empty() {
        return Err(Diagnostic::error(msg("locale-no-files"))
            .in_file(store.display_path(folder))
            .hint(msg("hint-copy-reference").arg("reference", REFERENCE))
            .into());
    }
    files
        .into_iter()
        .map(|(rel, data)| {
            let source = Source::new(store.display_path(&rel), store.utf8(&rel, data)?);
            let (at, said) = match unparseable(&source.text) {
                Some((at, Unparseable::TooDeep)) => {
                    (at, msg("locale-too-deep").arg("max", MAX_NESTING))
                }
                Some((at, Unparseable::Escape)) => (at, msg("locale-bad-escape")),
                None => return Ok(source),
            };
            Err(Diagnostic::error(said).at(&source, at).into())
        })
        .collect()
}

/// The deepest placeables (`{ ... }`) and calls (`FN(...)`) nest in a Fluent file.
/// Real messages nest two or three deep (a choice inside a placeable); the Fluent
/// parser and formatter recurse once a level, so a file nested thousands deep
/// would overflow the stack: it is refused before it is parsed.
pub const MAX_NESTING: usize = 16;

/// What in a Fluent text is refused before it is parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unparseable {
    /// Placeables nest deeper than [`MAX_NESTING`].
    TooDeep,
    /// A `\u` or `\U` escape in a string literal without its 4 or 6 hexadecimal
    /// digits. fluent-syntax 0.11 panics on one followed by a non-ASCII letter
    /// (`{"\uä"}`, fluent-rs issue 389, found by the `locale_check` fuzz target);
    /// every short escape is refused here, with a message saying how to write one.
    Escape,
}

/// Where a Fluent text first nests deeper than [`MAX_NESTING`] or has a short
/// unicode escape in a string literal, if it does. Text outside placeables,
/// string literals and comments is not counted.
pub fn unparseable(text: &str) -> Option<(usize, Unparseable)> {
    let mut depth = 0usize;
    let mut chars = text.char_indices().peekable();
    let mut line_start = true;
    while let Some((at, c)) = chars.next() {
        match c {
            '#' if depth == 0 && line_start => {
                // A comment, to the end of its line.
                while chars.next_if(|(_, c)| *c != '\n').is_some() {}
            }
            '"' if depth > 0 => {
                // A string literal: to its closing quote, past escapes.
                while let Some((escape, c)) = chars.next_if(|(_, c)| *c != '\n') {
                    match c {
                        '\\' => {
                            let digits = match chars.next_if(|(_, c)| *c != '\n') {
                                Some((_, 'u')) => 4,
                                Some((_, 'U')) => 6,
                                _ => 0,
                            };
                            for _ in 0..digits {
                                if chars.next_if(|(_, c)| c.is_ascii_hexdigit()).is_none() {
                                    return Some((escape, Unparseable::Escape));
                                }
                            }
                        }
                        '"' => break,
                        _ => {}
                    }
                }
            }
            '{' => depth += 1,
            '(' if depth > 0 => depth += 1,
            '}' | ')' if depth > 0 => depth -= 1,
            _ => {}
        }
        if depth > MAX_NESTING {
            return Some((at, Unparseable::TooDeep));
        }
        line_start = c == '\n';
    }
    None
}

fn load_folder(
    store: &Store,
    folder: &str,
    lang: LanguageIdentifier,
    pseudo_text: bool,
) -> Result<Locale, Diagnostics> {
    let mut bundle = FluentBundle::new_concurrent(vec![lang.clone()]);
    bundle.set_use_isolating(false);
    if pseudo_text {
        bundle.set_transform(Some(pseudo));
    }
    let mut errors = Vec::new();
    let mut helplines = Vec::new();
    let mut places = HashMap::new();
    let mut seen = HashSet::new();
    // The tool's own messages are not the leaflet's text: `messages::Messages`
    // reads them, only when something is said.
    let leaflet_sources = sources(store, folder)?
        .into_iter()
        .filter(|s| s.path.file_name().and_then(|n| n.to_str()) != Some(MESSAGES_FILE));
    for source in leaflet_sources {
        let resource = match FluentResource::try_new(source.text.clone()) {
            Ok(r) => r,
            Err((r, parse_errors)) => {
                for e in parse_errors {
                    errors.push(
                        Diagnostic::error(msg("locale-syntax").arg("detail", e.kind.to_string()))
                            .at(&source, e.pos.start),
                    );
                }
                r
            }
        };
        for entry in resource.entries() {
            let (id, span_of) = match entry {
                ast::Entry::Message(m) => (m.id.name, m.id.name),
                ast::Entry::Term(t) => (t.id.name, t.id.name),
                _ => continue,
            };
            let offset = offset_of(resource.source(), span_of);
            if !seen.insert(id.to_string()) {
                errors.push(
                    Diagnostic::error(msg("locale-defined-twice").arg("id", id))
                        .at(&source, offset)
                        .field(id),
                );
            } else {
                places.insert(
                    id.to_string(),
                    (source.path.clone(), source.line_col(offset)),
                );
                if id.starts_with(HELPLINE_PREFIX) && matches!(entry, ast::Entry::Message(_)) {
                    helplines.push(id.to_string());
                }
            }
        }
        // Duplicates are reported above with their position; the bundle keeps the first.
        let _ = bundle.add_resource(resource);
    }
    let mut hyphenator = Hyphenator::for_language(if pseudo_text { PSEUDO } else { folder });
    let exceptions = format!("{folder}/{EXCEPTIONS_FILE}");
    if !pseudo_text && store.contains(&exceptions) {
        let text = store.read_text(&exceptions)?;
        if let Err(e) =
            hyphenator.add_exceptions(&Source::new(store.display_path(&exceptions), text))
        {
            errors.extend(e.0);
        }
    }
    if !errors.is_empty() {
        return Err(Diagnostics(errors));
    }
    Ok(Locale {
        lang,
        bundle,
        helplines,
        places,
        folder: folder.to_string(),
        path: store.display_path(folder),
        hyphenator,
    })
}

/// The byte offset of a slice that borrows from `text`.
pub(crate) fn offset_of(text: &str, part: &str) -> usize {
    (part.as_ptr() as usize)
        .saturating_sub(text.as_ptr() as usize)
        .min(text.len())
}

impl Locale {
    /// Give each problem about a message's text (a field naming one of this
    /// locale's messages, no file yet) the file, line and column of its message.
    pub fn locate(&self, mut problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
        for d in problems.iter_mut().filter(|d| d.file.is_none()) {
            let place = d.field.as_deref().and_then(|f| self.places.get(f));
            if let Some((file, position)) = place {
                d.file = Some(file.clone());
                d.position = Some(*position);
            }
        }
        problems
    }

    /// Format a message's value.
    pub fn message(&self, id: &str) -> Result<String, Diagnostics> {
        self.message_with(id, &[])
    }

    /// Format a message's value with variables (`{ $organisation }`).
    pub fn message_with(&self, id: &str, args: &[(&str, &str)]) -> Result<String, Diagnostics> {
        let msg = self
            .bundle
            .get_message(id)
            .ok_or_else(|| self.missing(id, None))?;
        let pattern = msg.value().ok_or_else(|| self.missing(id, None))?;
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, *value);
        }
        self.format(id, pattern, Some(&fluent_args))
    }

    /// Whether the language is written right to left (Arabic, Persian, Hebrew,
    /// Yiddish, Urdu ...), as its tag says (its script, or the language's usual one).
    pub fn is_right_to_left(&self) -> bool {
        self.lang.character_direction() == unic_langid::CharacterDirection::RTL
    }

    /// Where this language's words may break.
    pub fn hyphenator(&self) -> &Hyphenator {
        &self.hyphenator
    }

    /// Format one attribute of a message (`helpline-112.number`).
    pub fn attribute(&self, id: &str, attribute: &str) -> Result<String, Diagnostics> {
        let msg = self
            .bundle
            .get_message(id)
            .ok_or_else(|| self.missing(id, None))?;
        let attr = msg
            .get_attribute(attribute)
            .ok_or_else(|| self.missing(id, Some(attribute)))?;
        self.format(&format!("{id}.{attribute}"), attr.value(), None)
    }

    /// The ids of the helpline messages, in the order of the locale's files.
    pub fn helplines(&self) -> &[String] {
        &self.helplines
    }

    /// The helplines whose number and hours were checked too long before
    /// `today`, or not said to be checked at all: each one's number, and the
    /// month it was checked.
    pub fn unchecked_helplines(&self, today: Month) -> Vec<(String, Option<Month>)> {
        self.helplines
            .iter()
            .filter_map(|id| {
                let checked = self
                    .attribute(id, "checked")
                    .ok()
                    .and_then(|m| Month::parse(&m));
                let stale = checked.is_none_or(|m| m.is_stale(today));
                let number = self.attribute(id, "number").unwrap_or_else(|_| id.clone());
                stale.then_some((number, checked))
            })
            .collect()
    }

    fn format(
        &self,
        id: &str,
        pattern: &ast::Pattern<&str>,
        args: Option<&FluentArgs<'_>>,
    ) -> Result<String, Diagnostics> {
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, args, &mut errors);
        match errors.first() {
            None => Ok(text.into_owned()),
            Some(e) => Err(Diagnostics::one(
                Diagnostic::error(
                    msg("locale-unformattable")
                        .arg("id", id)
                        .arg("lang", self.folder.as_str())
                        .arg("detail", e.to_string()),
                )
                .field(id),
            )),
        }
    }

    fn missing(&self, id: &str, attribute: Option<&str>) -> Diagnostics {
        let message = match attribute {
            Some(a) => msg("locale-no-attribute").arg("attribute", a),
            None => msg("locale-missing"),
        };
        Diagnostics::one(
            Diagnostic::error(message.arg("id", id).arg("lang", self.folder.as_str()))
                .in_file(&self.path)
                .field(id)
                .hint(msg("hint-add-message").arg("reference", REFERENCE)),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_unicode_escapes_in_quotes_are_found_before_parsing() {
        let escape = |t: &str| unparseable(t).map(|(at, what)| (what, at));
        assert_eq!(escape("a = dygnet{\"\\u00A0\"}runt\n"), None);
        assert_eq!(escape("a = { \"\\U01F600\" }\n"), None);
        assert_eq!(escape("a = { \"\\\\u\" }\n"), None, "an escaped backslash");
        assert_eq!(escape("a = C:\\uä outside quotes\n"), None);
        assert_eq!(
            escape("a = { \"\\uä\" }\n"),
            Some((Unparseable::Escape, "a = { \"".len()))
        );
        assert_eq!(
            escape("a = { \"\\U00A0\" }\n"),
            Some((Unparseable::Escape, "a = { \"".len()))
        );
    }

    fn langs(tags: &[&str]) -> Vec<LanguageIdentifier> {
        tags.iter().filter_map(|t| t.parse().ok()).collect()
    }

    #[test]
    fn regional_tags_fall_back_to_the_base_language() {
        let available = langs(&["fi", "sv"]);
        assert_eq!(
            negotiate("sv-FI", &available).map(|l| l.to_string()),
            Ok("sv".into())
        );
        assert_eq!(
            negotiate("fi-SE", &available).map(|l| l.to_string()),
            Ok("fi".into())
        );
        let e = negotiate("de", &available).expect_err("no German");
        assert!(e.to_string().contains("`fi`, `sv`"), "{e}");
    }

    #[test]
    fn the_direction_comes_from_the_language_tag() {
        let rtl = |tag: &str| {
            tag.parse::<LanguageIdentifier>()
                .map(|l| l.character_direction() == unic_langid::CharacterDirection::RTL)
                .unwrap_or(false)
        };
        for tag in ["ar", "fa", "he", "yi", "ur", "ckb", "ps", "az-Arab"] {
            assert!(rtl(tag), "{tag} is right to left");
        }
        for tag in ["sv", "fi", "se", "ti", "so", "bs", "sr-Cyrl"] {
            assert!(!rtl(tag), "{tag} is left to right");
        }
    }

    #[test]
    fn bundled_locales_format_without_isolation_marks() {
        let locale = load(&Store::locales(None), "sv").expect("bundled sv");
        let title = locale.message("cover-title").expect("title");
        assert!(!title.contains('\u{2068}'));
        assert_eq!(
            locale.attribute("helpline-112", "number").as_deref(),
            Ok("112")
        );
        assert!(locale.message("no-such-message").is_err());
    }
}
