# Sivu 4: järjestön yhteystiedot ja valtakunnalliset tukipuhelimet.

contact-heading = Ota yhteyttä
contact-intro = Kerromme mielellämme, millaista tukea voit saada.

## Ruudunlukijan tekstit: logo (jos yhteystiedoissa ei ole logo_alt-kenttää) ja QR-koodi.

logo-alt = Logo: { $organisation }
qr-alt = QR-koodi osoitteeseen { $address }
link-web = Verkkosivu { $address }
link-email = Lähetä sähköpostia osoitteeseen { $address }
link-phone = Soita numeroon { $number }

## Yhteystietojen otsikot

label-phone = Puhelin
label-hours = Puhelinaika
label-email = Sähköposti
label-web = Verkkosivu
label-visiting = Käyntiosoite
label-postal = Postiosoite
label-organisation = Organisaatio
label-unit = Yksikkö
label-contact = Yhteyshenkilö { $number }
label-other = Muuta
field-tip-contact = Yhteyshenkilö { $number }: nimi, tehtävä, puhelin ja puhelinaika, sähköposti

## Valtakunnalliset tukipuhelimet
## Jokainen viesti, jonka tunnus alkaa "helpline-", tulostetaan tämän tiedoston järjestyksessä:
## numero (.number) vasemmalle, viestin teksti sen viereen. .checked on kuukausi,
## jolloin numero ja aukioloajat viimeksi tarkistettiin (palvelun omilta sivuilta):
## leaflet check varoittaa vuoden kuluttua.

helplines-heading = Valtakunnalliset tukipuhelimet
helpline-112 = Välitön hengen tai terveyden vaara
    .number = 112
    .checked = 2026-11
helpline-1177 = Terveysneuvontaa ympäri vuorokauden
    .number = 1177
    .checked = 2026-11
helpline-mind = Mind Självmordslinjen, ympäri vuorokauden, ruotsiksi
    .number = 90101
    .checked = 2026-11
helpline-anhoriglinjen = Anhöriglinjen omaisille, päivisin ja joinakin iltoina, ruotsiksi
    .number = 0200-239 500
    .checked = 2026-11
helpline-palveleva = Palveleva puhelin, suomeksi iltaisin
    .number = 020-26 25 00
    .checked = 2026-11
