//! Messages: what leaflet says to a person (errors, warnings, hints, progress and
//! summaries), in their language.
//!
//! Code names a message by its id and gives its variables ([`msg`]); the words are
//! Fluent messages in `locales/<lang>/messages.ftl`, which translators write like
//! any other text (`leaflet check` compares them with the reference). [`Speaker`]
//! says a message in one language, falling back to English for a message its
//! language lacks. A message may have a variant for the web form (`<id>-form`),
//! which names the form's fields rather than the contacts file's keys and leaves out
//! hints about TOML; an empty variant leaves the message out there.
//!
//! Variables keep their kind until they are said: a decimal number is written with
//! the language's decimal separator (`number-decimal-separator`, "3,4" in Swedish),
//! a field by its key in the contacts file (`` `organisation.email` ``) or by its
//! label on the form ("E-post"), a nested message in the same language.
//!
//! Decision: the texts that libraries and the operating system give (a TOML or
//! Fluent syntax error's detail, "No such file or directory") stay as they are,
//! inside a translated message; clap's usage errors and `--help` stay English.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::locale;
use crate::store::Store;

/// A message to say: its id in `messages.ftl` and its variables.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    /// The Fluent message id.
    pub id: &'static str,
    /// The variables, by name.
    pub args: Vec<(&'static str, Arg)>,
}

/// A message's variable, kept as what it is until it is said.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Text, said as it is (a value from a file, a file name, a library's detail).
    Text(String),
    /// A whole number (Fluent chooses plural forms by it).
    Int(i64),
    /// A decimal number and how many decimals to say, in the language's way
    /// ("3,4"; "3" for 3.0).
    Decimal(f64, usize),
    /// A field of the contacts file, by its dotted name (`contact[2].email`).
    Field(String),
    /// Another message, said in the same language.
    Message(Box<Message>),
    /// Several messages, said in the same language and joined with commas.
    List(Vec<Message>),
}

/// The message `id`, with no variables yet.
pub fn msg(id: &'static str) -> Message {
    Message {
        id,
        args: Vec::new(),
    }
}

impl Message {
    /// The message with a variable.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.args.push((name, value.into()));
        self
    }

    /// The message with a field of the contacts file as a variable.
    pub fn field(self, name: &'static str, dotted: impl Into<String>) -> Message {
        self.arg(name, Arg::Field(dotted.into()))
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}

/// A measure in millimetres or points: one decimal.
impl From<f32> for Arg {
    fn from(v: f32) -> Arg {
        Arg::Decimal(f64::from(v), 1)
    }
}

impl Arg {
    /// A decimal number said with `digits` decimals.
    pub fn decimals(v: f64, digits: usize) -> Arg {
        Arg::Decimal(v, digits)
    }
}

impl From<Message> for Arg {
    fn from(m: Message) -> Arg {
        Arg::Message(Box::new(m))
    }
}

impl From<Vec<Message>> for Arg {
    fn from(list: Vec<Message>) -> Arg {
        Arg::List(list)
    }
}

macro_rules! int_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(v: $t) -> Arg {
                Arg::Int(i64::try_from(v).unwrap_or(i64::MAX))
            }
        }
    )*};
}
int_args!(usize, u64, u32, u16, i64, i32);

/// Who reads a message: someone with the contacts file (or the API) in front of
/// them, or someone filling in the web form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// Fields are named by their keys in the contacts file.
    File,
    /// Fields are named by their labels on the form; messages have their form
    /// variants where they have one.
    Form,
}

/// One language's messages: its `messages.ftl` alone, not the leaflet's text.
pub struct Messages {
    /// The language (its folder's name).
    pub lang: String,
    bundle: FluentBundle<FluentResource>,
}

impl Messages {
    /// The messages of the language folder that serves `requested` (`sv-SE` →
    /// `sv`); none when there is no such folder or it has no `messages.ftl`. A
    /// file with syntax errors gives what parses (`leaflet check` reports the rest).
    pub fn load(store: &Store, requested: &str) -> Option<Messages> {
        let available = locale::available(store).ok()?;
        let lang = locale::negotiate(requested, &available).ok()?;
        let text = store
            .read_text(&format!("{lang}/{}", locale::MESSAGES_FILE))
            .ok()
            .filter(|t| locale::unparseable(t).is_none())?;
        let resource = FluentResource::try_new(text).unwrap_or_else(|(partial, _)| partial);
        let mut bundle = FluentBundle::new_concurrent(vec![lang.clone()]);
        bundle.set_use_isolating(false);
        // Duplicates are reported by `leaflet check`; the bundle keeps the first.
        let _ = bundle.add_resource(resource);
        Some(Messages {
            lang: lang.to_string(),
            bundle,
        })
    }

    /// The bundled English messages, loaded once.
    pub fn english() -> &'static Messages {
        static ENGLISH: OnceLock<Messages> = OnceLock::new();
        ENGLISH.get_or_init(|| {
            Messages::load(&Store::locales(None), "en").unwrap_or_else(|| Messages {
                // Bundled and tested: never reached, but a message is never lost.
                lang: "en".into(),
                bundle: FluentBundle::new_concurrent(Vec::new()),
            })
        })
    }

    /// A message formatted, if it is there: the text, or, if formatting it had
    /// an error (a variable the code does not give), the text as it came out.
    fn format(&self, id: &str, args: &FluentArgs<'_>) -> Option<Result<String, String>> {
        let pattern = self.bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, Some(args), &mut errors);
        let text = text.into_owned();
        Some(if errors.is_empty() {
            Ok(text)
        } else {
            Err(text)
        })
    }
}

/// Says messages in one language, with English for what that language lacks.
#[derive(Clone, Copy)]
pub struct Speaker<'m> {
    own: &'m Messages,
}

impl Speaker<'static> {
    /// Speaks the bundled English.
    pub fn english() -> Speaker<'static> {
        Speaker {
            own: Messages::english(),
        }
    }
}

impl<'m> Speaker<'m> {
    /// Speaks the language of `messages` (English where it lacks a message).
    pub fn new(messages: &'m Messages) -> Speaker<'m> {
        Speaker { own: messages }
    }

    /// The language spoken (`sv`).
    pub fn lang(&self) -> &str {
        &self.own.lang
    }

    /// Say a message to someone with the contacts file.
    pub fn say(&self, m: &Message) -> String {
        self.say_to(m, Reader::File, &|dotted| format!("`{dotted}`"))
            .unwrap_or_default()
    }

    /// Say a message to a reader, naming fields with `field`; none where the
    /// message is left out for that reader (an empty form variant).
    pub fn say_to(
        &self,
        m: &Message,
        reader: Reader,
        field: &dyn Fn(&str) -> String,
    ) -> Option<String> {
        let form_id = format!("{}-form", m.id);
        let mut args = FluentArgs::new();
        for (name, arg) in &m.args {
            let value = match arg {
                Arg::Text(t) => FluentValue::from(t.clone()),
                Arg::Int(i) => FluentValue::from(*i),
                Arg::Decimal(d, digits) => FluentValue::from(self.decimal(*d, *digits)),
                Arg::Field(f) => FluentValue::from(field(f)),
                Arg::Message(inner) => {
                    FluentValue::from(self.say_to(inner, reader, field).unwrap_or_default())
                }
                Arg::List(items) => {
                    let said: Vec<String> = items
                        .iter()
                        .filter_map(|m| self.say_to(m, reader, field))
                        .collect();
                    FluentValue::from(said.join(", "))
                }
            };
            args.set(*name, value);
        }
        let mut flawed = None;
        for messages in self.languages() {
            if reader == Reader::Form {
                match messages.format(&form_id, &args) {
                    Some(Ok(text)) => return (!text.trim().is_empty()).then_some(text),
                    Some(Err(text)) => flawed = flawed.or(Some(text)),
                    None => {}
                }
            }
            match messages.format(m.id, &args) {
                Some(Ok(text)) => return Some(text),
                Some(Err(text)) => flawed = flawed.or(Some(text)),
                None => {}
            }
        }
        // A message that no language formats cleanly is a bug (`{$name}` shows
        // where), one that none has as well; the reader still learns something.
        Some(flawed.unwrap_or_else(|| m.id.to_string()))
    }

    /// Its own messages, then English (read only if they are needed).
    fn languages(&self) -> impl Iterator<Item = &'m Messages> {
        let english: fn() -> &'m Messages = Messages::english;
        std::iter::once(self.own).chain(std::iter::once_with(english))
    }

    /// A decimal number with `digits` decimals (none for a whole number), in the
    /// language's way.
    fn decimal(&self, v: f64, digits: usize) -> String {
        let separator = self
            .languages()
            .find_map(|m| {
                m.format("number-decimal-separator", &FluentArgs::new())?
                    .ok()
            })
            .unwrap_or_else(|| ".".into());
        let text = format!("{v:.digits$}");
        let whole = text
            .split_once('.')
            .filter(|(_, decimals)| decimals.chars().all(|c| c == '0'))
            .map(|(whole, _)| whole);
        whole.unwrap_or(&text).replace('.', &separator)
    }
}

/// The language people want messages in, from the environment as GNU tools read
/// it: `LEAFLET_LANG` first (to choose one for leaflet alone), then, unless the
/// locale is `C` or `POSIX`, the list in `LANGUAGE`, then `LC_ALL`, `LC_MESSAGES`
/// and `LANG`. Tags come as `sv_SE.UTF-8` and are given as `sv-SE`; none for C.
pub fn wanted_languages(env: impl Fn(&str) -> Option<String>) -> Vec<String> {
    let tag = |value: &str| {
        let base = value.split(['.', '@']).next().unwrap_or("");
        (!base.is_empty() && base != "C" && base != "POSIX").then(|| base.replace('_', "-"))
    };
    if let Some(forced) = env("LEAFLET_LANG").filter(|v| !v.is_empty()) {
        return vec![forced];
    }
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|k| env(k).filter(|v| !v.is_empty()));
    let Some(locale) = locale.and_then(|l| tag(&l)) else {
        return Vec::new();
    };
    let mut wanted: Vec<String> = env("LANGUAGE")
        .unwrap_or_default()
        .split(':')
        .filter_map(tag)
        .collect();
    wanted.push(locale);
    wanted
}

/// The messages of the first wanted language there are messages in; none for
/// English alone.
pub fn messages_for(store: &Store, wanted: &[String]) -> Option<Messages> {
    wanted.iter().find_map(|lang| Messages::load(store, lang))
}

/// The language a command-line run speaks, chosen from the environment
/// ([`wanted_languages`]), with its messages from `locales` (the bundled ones
/// when none is given).
pub struct Voice(Option<Messages>);

impl Voice {
    /// The voice the environment asks for; English when it asks for none there is.
    pub fn from_environment(locales: Option<&std::path::Path>) -> Voice {
        let wanted = wanted_languages(|k| std::env::var(k).ok());
        Voice(messages_for(&Store::locales(locales), &wanted))
    }

    /// Who says things in this voice.
    pub fn speaker(&self) -> Speaker<'_> {
        match &self.0 {
            Some(messages) => Speaker::new(messages),
            None => Speaker::english(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            vars.iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn the_language_comes_from_the_environment_as_gnu_tools_read_it() {
        assert_eq!(wanted_languages(env(&[("LANG", "sv_SE.UTF-8")])), ["sv-SE"]);
        assert_eq!(
            wanted_languages(env(&[("LANG", "sv_SE.UTF-8"), ("LC_ALL", "fi_FI.UTF-8")])),
            ["fi-FI"]
        );
        assert_eq!(
            wanted_languages(env(&[("LANG", "en_GB.UTF-8"), ("LANGUAGE", "fi:sv")])),
            ["fi", "sv", "en-GB"]
        );
        // The C locale means English, whatever LANGUAGE says.
        assert!(wanted_languages(env(&[("LANG", "C"), ("LANGUAGE", "sv")])).is_empty());
        assert_eq!(
            wanted_languages(env(&[("LANG", "C"), ("LEAFLET_LANG", "fi")])),
            ["fi"]
        );
    }

    #[test]
    fn the_form_hears_its_own_variant_with_fields_by_their_labels() {
        let sv = Messages::load(&Store::locales(None), "sv").expect("sv");
        let say = Speaker::new(&sv);
        let missing = msg("contacts-missing").field("field", "contact[2].name");
        let label = |_: &str| "Kontaktperson 2: Namn".to_string();
        assert_eq!(say.say(&missing), "`contact[2].name` saknas");
        assert_eq!(
            say.say_to(&missing, Reader::Form, &label).as_deref(),
            Some("Kontaktperson 2: Namn måste fyllas i")
        );
        // An empty form variant: the hint about the file is not said on the form.
        let hint = msg("hint-add-key")
            .arg("key", "name")
            .arg("header", "[[contact]]");
        assert_eq!(say.say_to(&hint, Reader::Form, &label), None);
    }

    #[test]
    fn a_message_missing_a_variable_still_says_what_it_can() {
        let said = Speaker::english().say(&msg("contacts-empty"));
        assert!(said.contains("is empty"), "{said}");
        assert_eq!(
            Speaker::english().say(&msg("no-such-message")),
            "no-such-message"
        );
    }

    #[test]
    fn decimals_are_written_the_languages_way() {
        let sv = Messages::load(&Store::locales(None), "sv").expect("sv");
        let m = msg("typeset-shrunk").arg("size", 10.5f32);
        assert!(Speaker::new(&sv).say(&m).contains("10,5"));
        assert!(Speaker::english().say(&m).contains("10.5"));
    }
}
