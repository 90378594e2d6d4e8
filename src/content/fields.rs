//! The fillable contact page (`--fillable`): the contact details as the fields of a
//! PDF form, filled in with a PDF reader and printed.
//!
//! Where the layout puts the contact details, the form has, one row each: the
//! organisation's name, unit, phone, e-mail, web address, visiting and postal
//! address (a one-line field, its label beside it); then four contact people,
//! two a row, each one field of four lines (name, title, phone and its hours,
//! e-mail: one person's details stay together, and a person without a title uses
//! the line for something else); then three lines for anything else. Only what
//! varies is a field: the labels and the national helplines are printed text.
//! A layout that splits the details (`part = "lead"` and `"rest"`) splits the
//! fields the same way. A contacts file fills the fields in, every value still
//! editable; without one they are empty.

use crate::contacts::{Contacts, Organisation, Person, Text, MAX_CONTACTS};
use crate::layout::ContactPart;

use super::{Composer, Flow, FormField};

/// Lines of a contact person's field.
const PERSON_LINES: usize = 4;
/// Lines of the field for anything else.
const OTHER_LINES: usize = 3;

impl Composer<'_> {
    /// The form's fields where a contacts block stands, in `style`.
    pub(super) fn form_fields(
        &mut self,
        contacts: &Contacts,
        style: &str,
        part: ContactPart,
    ) -> Vec<Flow> {
        let org = contacts.lead();
        let mut rows = Vec::new();
        if part != ContactPart::Rest {
            rows.extend(
                self.organisation_fields(org, style)
                    .into_iter()
                    .map(|f| vec![f]),
            );
        }
        if part != ContactPart::Lead {
            let people: Vec<FormField> = (0..MAX_CONTACTS)
                .map(|i| self.person_field(org.persons.get(i), i + 1, style))
                .collect();
            rows.extend(people.chunks(2).map(<[FormField]>::to_vec));
            let other = contacts
                .extra
                .iter()
                .map(|t| self.text(t))
                .collect::<Vec<_>>()
                .join("\n");
            let label = self.message("label-other");
            rows.push(vec![FormField {
                name: "extra.lines".into(),
                tip: label.clone(),
                label,
                label_id: "label-other".into(),
                lines: OTHER_LINES,
                value: other,
                style: style.to_string(),
            }]);
        }
        rows.into_iter().map(Flow::Fields).collect()
    }

    /// The organisation's one-line fields.
    fn organisation_fields(&mut self, org: &Organisation, style: &str) -> Vec<FormField> {
        let fields: [(&str, &str, Option<&Text>); 7] = [
            ("organisation.name", "label-organisation", Some(&org.name)),
            ("organisation.unit", "label-unit", org.unit.as_ref()),
            ("organisation.phone", "label-phone", org.phone.as_ref()),
            ("organisation.email", "label-email", org.email.as_ref()),
            ("organisation.web", "label-web", org.web.as_ref()),
            (
                "address.visiting",
                "label-visiting",
                org.address.visiting.as_ref(),
            ),
            (
                "address.postal",
                "label-postal",
                org.address.postal.as_ref(),
            ),
        ];
        fields
            .into_iter()
            .map(|(name, label_id, value)| {
                let label = self.message(label_id);
                FormField {
                    name: name.into(),
                    tip: label.clone(),
                    label,
                    label_id: label_id.into(),
                    lines: 1,
                    value: value.map(|v| self.text(v)).unwrap_or_default(),
                    style: style.to_string(),
                }
            })
            .collect()
    }

    /// Contact person `number`'s field: name, title, phone with its hours, e-mail.
    fn person_field(&mut self, person: Option<&Person>, number: usize, style: &str) -> FormField {
        let value = person.map_or_else(String::new, |p| {
            let phone = match (&p.phone, &p.hours) {
                (Some(phone), Some(hours)) => {
                    Some(format!("{}, {}", self.text(phone), self.text(hours)))
                }
                (Some(phone), None) => Some(self.text(phone)),
                (None, Some(hours)) => Some(self.text(hours)),
                (None, None) => None,
            };
            let lines = [
                Some(self.text(&p.name)),
                p.title.as_ref().map(|t| self.text(t)),
                phone,
                p.email.as_ref().map(|e| self.text(e)),
            ];
            lines.into_iter().flatten().collect::<Vec<_>>().join("\n")
        });
        let number = number.to_string();
        FormField {
            name: format!("contact[{number}]"),
            label: self.message_with("label-contact", &[("number", &number)]),
            label_id: "label-contact".into(),
            tip: self.message_with("field-tip-contact", &[("number", &number)]),
            lines: PERSON_LINES,
            value,
            style: style.to_string(),
        }
    }
}
