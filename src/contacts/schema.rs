//! The contacts file's fields (schema version 1), in one table: the validator
//! checks files against it, the web form is drawn from it, and a test checks that
//! the `leaflet init` templates list every field.
//!
//! Adding a field is a row here, a field in the struct it fills (`mod.rs`), its
//! label in `locales/*/web.ftl` and its line in the templates; where it is printed
//! is `content`'s business.

/// A table of the contacts file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// `[organisation]`, required; or up to [`super::MAX_ORGANISATIONS`]
    /// `[[organisation]]`.
    Organisation,
    /// `[address]`, the first organisation's; or an organisation's own
    /// `[organisation.address]`.
    Address,
    /// `[[contact]]`, the first organisation's; or an organisation's own
    /// `[[organisation.contact]]`; up to [`super::MAX_CONTACTS`] in all.
    Contact,
    /// `[extra]`.
    Extra,
}

impl Section {
    /// Every section, in file order.
    pub const ALL: [Section; 4] = [
        Section::Organisation,
        Section::Address,
        Section::Contact,
        Section::Extra,
    ];

    /// Its key in the file.
    pub fn key(self) -> &'static str {
        match self {
            Section::Organisation => "organisation",
            Section::Address => "address",
            Section::Contact => "contact",
            Section::Extra => "extra",
        }
    }

    /// The message id of its heading on the web form (`web-contact` takes the
    /// person's number).
    pub fn label(self) -> &'static str {
        match self {
            Section::Organisation => "web-organisation",
            Section::Address => "web-address",
            Section::Contact => "web-contact",
            Section::Extra => "web-extra",
        }
    }

    /// Whether the section is a list of tables (`[[contact]]`).
    pub fn repeated(self) -> bool {
        self == Section::Contact
    }

    /// Its fields, in file order.
    pub fn fields(self) -> impl Iterator<Item = &'static Field> {
        FIELDS.iter().filter(move |f| f.section == self)
    }

    /// Its keys, in file order: its fields', then the tables it may hold (an
    /// organisation's own `address` and `contact`).
    pub fn keys(self) -> Vec<&'static str> {
        let nested: &[&str] = match self {
            Section::Organisation => &["address", "contact"],
            _ => &[],
        };
        self.fields()
            .map(|f| f.key)
            .chain(nested.iter().copied())
            .collect()
    }
}

/// What a field holds: how it is checked and which input the web form gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text: a name, a title, an address.
    Text,
    /// A phone number (at least 3 digits), never broken across lines.
    Phone,
    /// An e-mail address.
    Email,
    /// A web address.
    Web,
    /// A file next to the contacts file (the logo).
    File,
    /// A list of texts, one paragraph each.
    Lines,
}

impl Kind {
    /// The HTML input type of the web form (`textarea` for several lines).
    pub fn input(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Phone => "tel",
            Kind::Email => "email",
            Kind::Web => "url",
            Kind::File => "file",
            Kind::Lines => "textarea",
        }
    }

    /// An example value, for hints.
    pub fn example(self) -> &'static str {
        match self {
            Kind::Phone => "\"0123-456 78\"",
            Kind::Email => "\"name@example.se\"",
            Kind::Web => "\"www.example.se\"",
            Kind::File => "\"logo.png\"",
            Kind::Text | Kind::Lines => "\"...\"",
        }
    }
}

/// One field of the contacts file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// The table it is in.
    pub section: Section,
    /// Its key in the file (`phone`).
    pub key: &'static str,
    /// What it holds.
    pub kind: Kind,
    /// A file without it is refused.
    pub required: bool,
    /// People usually write it in each leaflet language: the web form has an
    /// input per language for it. (Every text may be given per language.)
    pub translated: bool,
    /// The message id of its label on the web form.
    pub label: &'static str,
    /// The browser's autocomplete hint on the web form.
    pub autocomplete: &'static str,
}

const fn field(section: Section, key: &'static str, kind: Kind, label: &'static str) -> Field {
    Field {
        section,
        key,
        kind,
        required: false,
        translated: false,
        label,
        autocomplete: "off",
    }
}

const fn translated(f: Field) -> Field {
    Field {
        translated: true,
        ..f
    }
}

const fn required(f: Field) -> Field {
    Field {
        required: true,
        ..f
    }
}

use Kind::{Email, File, Lines, Phone, Text, Web};
use Section::{Address, Contact, Extra, Organisation};

/// Every field, in file order.
pub const FIELDS: &[Field] = &[
    // An organisation often has a name in each language (a Sweden-Finnish
    // association's, a municipality's in the Finnish administrative area); a
    // person's name is one.
    Field {
        autocomplete: "organization",
        ..translated(required(field(Organisation, "name", Text, "web-name")))
    },
    translated(field(Organisation, "unit", Text, "web-unit")),
    field(Organisation, "phone", Phone, "web-phone"),
    field(Organisation, "email", Email, "web-email"),
    // A municipality in the Finnish administrative area often has a page in
    // Finnish: the Finnish leaflet's QR code should lead there.
    translated(field(Organisation, "web", Web, "web-web")),
    field(Organisation, "logo", File, "web-logo"),
    translated(field(Organisation, "logo_alt", Text, "web-logo-alt")),
    translated(field(Address, "visiting", Text, "web-visiting")),
    field(Address, "postal", Text, "web-postal"),
    required(field(Contact, "name", Text, "web-name")),
    translated(field(Contact, "title", Text, "web-title-field")),
    field(Contact, "phone", Phone, "web-phone"),
    field(Contact, "email", Email, "web-email"),
    translated(field(Contact, "hours", Text, "web-hours")),
    translated(field(Extra, "lines", Lines, "web-extra")),
];

/// The keys at the top of the file: the schema version and the sections.
pub const TOP_KEYS: [&str; 5] = ["version", "organisation", "address", "contact", "extra"];

/// The words people naturally write for the keys in Swedish and Finnish (and a
/// few in English), with the key each means: `telefon` and `puhelin` are `phone`.
const WORDS: &[(&str, &[&str])] = &[
    (
        "phone",
        &[
            "telefon",
            "telefonnummer",
            "tel",
            "tfn",
            "puhelin",
            "puhelinnumero",
        ],
    ),
    (
        "email",
        &[
            "e-post",
            "epost",
            "e_post",
            "mejl",
            "mail",
            "e-mail",
            "sähköposti",
            "sahkoposti",
        ],
    ),
    (
        "web",
        &[
            "webb",
            "webbplats",
            "hemsida",
            "webbadress",
            "verkkosivu",
            "verkkosivut",
            "kotisivu",
            "url",
            "www",
        ],
    ),
    ("name", &["namn", "nimi"]),
    (
        "title",
        &["titel", "befattning", "yrkestitel", "nimike", "tehtävä"],
    ),
    ("unit", &["enhet", "avdelning", "yksikkö", "osasto"]),
    (
        "hours",
        &[
            "telefontid",
            "tider",
            "öppettider",
            "puhelinaika",
            "aukioloajat",
        ],
    ),
    ("logo", &["logotyp", "logga", "logotyyppi"]),
    ("logo_alt", &["logotext", "alt"]),
    ("visiting", &["besöksadress", "besök", "käyntiosoite"]),
    ("postal", &["postadress", "post", "postiosoite"]),
    ("lines", &["rader", "text", "rivit"]),
    ("address", &["adress", "adresser", "osoite"]),
    (
        "contact",
        &[
            "kontakt",
            "kontakter",
            "kontaktperson",
            "yhteyshenkilö",
            "yhteystiedot",
        ],
    ),
    (
        "organisation",
        &[
            "organization",
            "organisaatio",
            "järjestö",
            "kommun",
            "förening",
        ],
    ),
    ("extra", &["övrigt", "muuta", "lisätiedot"]),
];

/// The key a word people write in Swedish or Finnish stands for, whatever its case.
pub fn key_for_word(word: &str) -> Option<&'static str> {
    let word = word.to_lowercase();
    WORDS
        .iter()
        .find(|(_, words)| words.contains(&word.as_str()))
        .map(|(key, _)| *key)
}

/// Where a field stands in a file: which organisation's (1 for the first, also
/// when the file has one), and which contact person's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Place {
    /// The field.
    pub field: &'static Field,
    /// The organisation, from 1.
    pub org: usize,
    /// The contact person, from 1, for a contact's field.
    pub number: Option<usize>,
}

/// A dotted name's part and its index: `contact[2]` is `("contact", Some(2))`.
fn indexed(part: &str) -> (&str, Option<usize>) {
    match part.split_once('[') {
        Some((name, rest)) => (name, rest.strip_suffix(']').and_then(|n| n.parse().ok())),
        None => (part, None),
    }
}

/// The field a dotted name from a diagnostic or a [`super::Text`] stands for:
/// `contact[2].title`, `organisation.unit.fi`, `extra.lines[3]`,
/// `organisation[2].address.visiting`, `organisation[2].contact[1].phone`.
pub fn find(dotted: &str) -> Option<Place> {
    let mut parts = dotted.split('.');
    let (first, index) = indexed(parts.next()?);
    let (mut org, mut number) = (1, None);
    let (section, key) = if first == Section::Organisation.key() {
        org = index.unwrap_or(1);
        let (next, i) = indexed(parts.next()?);
        if next == Section::Address.key() || next == Section::Contact.key() {
            number = i;
            (next, parts.next()?)
        } else {
            (first, next)
        }
    } else {
        number = index;
        (first, parts.next()?)
    };
    let (key, _) = indexed(key);
    FIELDS
        .iter()
        .find(|f| f.section.key() == section && f.key == key)
        .map(|field| Place { field, org, number })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotted_names_find_their_fields() {
        let at = |d: &str| {
            let p = find(d).expect("a field");
            (p.field.section, p.field.key, p.org, p.number)
        };
        assert_eq!(at("contact[2].title.fi"), (Contact, "title", 1, Some(2)));
        assert_eq!(at("extra.lines[3]"), (Extra, "lines", 1, None));
        assert_eq!(at("organisation.unit"), (Organisation, "unit", 1, None));
        assert_eq!(
            at("organisation[2].address.visiting"),
            (Address, "visiting", 2, None)
        );
        assert_eq!(
            at("organisation[3].contact[1].phone"),
            (Contact, "phone", 3, Some(1))
        );
        assert_eq!(
            at("organisation.address.postal"),
            (Address, "postal", 1, None)
        );
        assert!(find("organisation.phne").is_none());
        assert_eq!(key_for_word("Telefon"), Some("phone"));
        assert_eq!(key_for_word("sähköposti"), Some("email"));
        assert_eq!(key_for_word("hemsida"), Some("web"));
        assert_eq!(TOP_KEYS[1..], Section::ALL.map(Section::key));
    }
}
