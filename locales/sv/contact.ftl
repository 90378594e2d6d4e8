# Page 4: the organisation's contact details and the national helplines.

contact-heading = Kontakta oss
contact-intro = Hör av dig, så berättar vi vilket stöd du kan få.

## Texts for screen readers: the logo (when the contacts file has no logo_alt) and the QR code.

logo-alt = Logotyp: { $organisation }
qr-alt = QR-kod till { $address }
# Links in the PDF, for screen readers: what following a web address, e-mail
# address or phone number does.
link-web = Webbplatsen { $address }
link-email = Skicka e-post till { $address }
link-phone = Ring { $number }

## Labels in front of the contact details

label-phone = Telefon
label-hours = Telefontid
label-email = E-post
label-web = Webb
label-visiting = Besöksadress
label-postal = Postadress
label-organisation = Organisation
label-unit = Enhet
label-contact = Kontaktperson { $number }
label-other = Övrigt
field-tip-contact = Kontaktperson { $number }: namn, titel, telefon med telefontid, e-post

## National helplines
## Every message whose id starts with "helpline-" is printed, in the order of this file:
## the number in the label column (.number), the value beside it. .checked is the
## month the number and hours were last checked (at the service's own web site):
## leaflet check warns a year later.

helplines-heading = Nationella stödlinjer
helpline-112 = Akut fara för liv eller hälsa
    .number = 112
    .checked = 2026-11
helpline-1177 = Råd om vård, dygnet{"\u00A0"}runt
    .number = 1177
    .checked = 2026-11
helpline-mind = Mind Självmordslinjen, dygnet{"\u00A0"}runt
    .number = 90101
    .checked = 2026-11
helpline-anhoriglinjen = Anhöriglinjen, dagtid och vissa kvällar
    .number = 0200-239 500
    .checked = 2026-11
helpline-jourhavande = Jourhavande medmänniska, kl. 21–06
    .number = 08-702 16 80
    .checked = 2026-11
