# Page 4: the organisation's contact details and the national helplines.

contact-heading = Contact us
contact-intro = Get in touch and we will tell you what support you can get.

## Texts for screen readers: the logo (when the contacts file has no logo_alt) and the QR code.

logo-alt = Logo: { $organisation }
qr-alt = QR code for { $address }
link-web = Web page { $address }
link-email = Send an e-mail to { $address }
link-phone = Call { $number }

## Labels in front of the contact details

label-phone = Phone
label-hours = Phone hours
label-email = E-mail
label-web = Web
label-visiting = Visit us
label-postal = By post
label-organisation = Organisation
label-unit = Unit
label-contact = Contact { $number }
label-other = Other
field-tip-contact = Contact { $number }: name, title, phone and phone hours, e-mail

## National helplines
## Every message whose id starts with "helpline-" is printed, in the order of this file;
## .checked is the month its number and hours were last checked (leaflet check
## warns a year later).

helplines-heading = National helplines (mostly{"\u00A0"}in{"\u00A0"}Swedish)
helpline-112 = Emergencies, danger to life or health
    .number = 112
    .checked = 2026-11
helpline-1177 = Healthcare advice, day{"\u00A0"}and{"\u00A0"}night
    .number = 1177
    .checked = 2026-11
helpline-mind = Mind Självmordslinjen (suicide line), day{"\u00A0"}and{"\u00A0"}night
    .number = 90101
    .checked = 2026-11
helpline-anhoriglinjen = Anhöriglinjen, for carers, daytime and some evenings
    .number = 0200-239 500
    .checked = 2026-11
