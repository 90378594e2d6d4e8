# Verkkolomake (leaflet serve): kaikki kävijän lukemat tekstit.

# The language's own name, as its speakers write it: on the form's links and
# beside the inputs written in it.
language-name = Suomi

web-title = Omaistukiesite teidän yhteystiedoillanne
web-intro = Täyttäkää yhteystietonne. Esikatselkaa viimeinen sivu ja ladatkaa esite PDF-tiedostona. Mitään kirjoittamaanne ei tallenneta.
web-interface-language = Sivun kieli
web-errors-heading = Korjatkaa ensin nämä:
web-required = on pakollinen
web-organisation = Organisaatio
web-organisation-number = Organisaatio { $number }
web-name = Nimi
web-unit = Yksikkö
web-phone = Puhelin
web-email = Sähköposti
web-web = Verkko-osoite
web-logo = Logo (PNG tai JPEG)
web-logo-alt = Mitä logossa on, ruudunlukijaa varten
web-logo-kept = Logo { $file } on mukana. Vaihtakaa se valitsemalla uusi tiedosto.
web-address = Osoite
web-visiting = Käyntiosoite
web-postal = Postiosoite
web-contact = Yhteyshenkilö { $number }
web-title-field = Tehtävänimike
web-hours = Puhelinaika
web-extra = Vapaat rivit (yksi tieto riviä kohden)
web-both-languages = Kirjoittakaa yhdellä kielellä tai useammalla, jos esite tehdään usealla kielellä. Yhdellä kielellä kirjoitettu teksti tulee kaikkiin esitteisiin.
web-leaflet = Esite
web-leaflet-language = Esitteen kieli
web-layout = Muoto
web-preview = Esikatsele
web-download-pdf = Lataa PDF
web-download-fillable = Lataa täytettävä PDF
web-download-toml = Tallenna tiedot (contacts.toml)
web-load-toml = Tietojen haku tallennetusta contacts.toml-tiedostosta
web-load = Hae tiedot
web-preview-heading = Viimeisen sivun esikatselu
web-preview-alt = Esitteen viimeinen sivu teidän yhteystiedoillanne
web-warnings-heading = Hyvä tietää:
