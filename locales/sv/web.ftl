# The web form (leaflet serve): every text a visitor reads.

# The language's own name, as its speakers write it: on the form's links and
# beside the inputs written in it.
language-name = Svenska

web-title = Foldern om anhörigstöd med era kontaktuppgifter
web-intro = Fyll i era kontaktuppgifter. Förhandsgranska sista sidan och ladda ner foldern som PDF. Inget av det ni skriver sparas.
web-interface-language = Språk på sidan
web-errors-heading = Rätta det här först:
web-required = måste fyllas i
web-organisation = Organisation
web-organisation-number = Organisation { $number }
web-name = Namn
web-unit = Enhet
web-phone = Telefon
web-email = E-post
web-web = Webbadress
web-logo = Logotyp (PNG eller JPEG)
web-logo-alt = Vad logotypen visar, för skärmläsare
web-logo-kept = Logotypen { $file } är med. Välj en ny fil för att byta.
web-address = Adress
web-visiting = Besöksadress
web-postal = Postadress
web-contact = Kontaktperson { $number }
web-title-field = Titel
web-hours = Telefontid
web-extra = Fria rader (en per rad)
web-both-languages = Skriv på ett språk, eller på flera om foldern ska finnas på flera språk. Det ni skriver på ett språk används för alla.
web-leaflet = Folder
web-leaflet-language = Folderns språk
web-layout = Format
web-preview = Förhandsgranska
web-download-pdf = Ladda ner PDF
web-download-fillable = Ladda ner en ifyllbar PDF
web-download-toml = Spara uppgifterna (contacts.toml)
web-load-toml = Fyll i från en sparad contacts.toml
web-load = Hämta uppgifterna
web-preview-heading = Förhandsgranskning av sista sidan
web-preview-alt = Sista sidan av foldern med era kontaktuppgifter
web-warnings-heading = Bra att veta:
