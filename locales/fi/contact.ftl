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

## Valtakunnalliset tukipuhelimet
## Jokainen viesti, jonka tunnus alkaa "helpline-", tulostetaan tämän tiedoston järjestyksessä:
## numero (.number) vasemmalle, viestin teksti sen viereen.

helplines-heading = Valtakunnalliset tukipuhelimet
helpline-112 = Välitön hengen tai terveyden vaara
    .number = 112
helpline-1177 = Terveysneuvontaa ympäri vuorokauden
    .number = 1177
helpline-mind = Mind Självmordslinjen, ruotsiksi
    .number = 90101
helpline-anhoriglinjen = Anhöriglinjen, omaisille, ruotsiksi
    .number = 0200-239 500
helpline-palveleva = Palveleva puhelin, suomeksi iltaisin
    .number = 020-26 25 00
