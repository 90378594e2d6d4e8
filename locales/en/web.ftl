# The web form (leaflet serve): every text a visitor reads.

# The language's own name, as its speakers write it: on the form's links and
# beside the inputs written in it.
language-name = English

web-title = The carer-support leaflet with your contact details
web-intro = Fill in your contact details. Preview the last page and download the leaflet as a PDF. Nothing you enter is stored.
web-interface-language = Page language
web-errors-heading = Please correct these first:
web-required = is required
web-organisation = Organisation
web-organisation-number = Organisation { $number }
web-name = Name
web-unit = Unit
web-phone = Phone
web-email = E-mail
web-web = Web address
web-logo = Logo (PNG or JPEG)
web-logo-alt = What the logo shows, for screen readers
web-logo-kept = The logo { $file } is included. Choose another file to replace it.
web-address = Address
web-visiting = Visiting address
web-postal = Postal address
web-contact = Contact person { $number }
web-title-field = Title
web-hours = Phone hours
web-extra = Extra lines (one per line)
web-both-languages = Write in one language, or in several if the leaflet is to be made in several languages. What you write in one language is used for all.
web-leaflet = Leaflet
web-leaflet-language = Leaflet language
web-layout = Format
web-preview = Preview
web-download-pdf = Download PDF
web-download-fillable = Download a fillable PDF
web-download-toml = Save the details (contacts.toml)
web-load-toml = Fill in from a saved contacts.toml
web-load = Load the details
web-preview-heading = Preview of the last page
web-preview-alt = The last page of the leaflet with your contact details
web-warnings-heading = Good to know:
