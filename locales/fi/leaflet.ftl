# Esitteen teksti, ruotsinsuomi. Yksi viesti on yksi kappale.
# Lyhyitä lauseita, selkeää kieltä, sinä-muoto. Tuki kuvataan sellaisena kuin se on Ruotsissa.

## Asiakirjan tiedot

# PDF-lukijan näyttämä otsikko; $organisation on järjestön nimi.
document-title = Tukea sinulle, joka autat läheistäsi – { $organisation }
document-title-blank = Tukea sinulle, joka autat läheistäsi
document-subject = Tietoa kunnan omaistuesta
document-keywords = omainen, omaistuki, läheinen, tuki, lomitus, omaisryhmä

## Sivu 1: kansi

cover-title = Autatko läheistäsi arjessa?
cover-subtitle = Silloin olet omainen. Sinulle on tarjolla tukea, ja osa siitä on maksutonta.

## Sivu 2: kuka on omainen

carer-heading = Oletko omainen?
carer-intro =
    Olet omainen, jos autat, tuet tai hoidat jotakuta läheistäsi. Hän voi olla
    puolisosi, vanhempasi, lapsesi, ystäväsi tai naapurisi. Hänellä voi olla
    pitkäaikainen sairaus, mielenterveyden ongelmia, vamma tai riippuvuus, tai hän
    voi tarvita apua, koska on ikääntynyt.
carer-help =
    Apu voi olla monenlaista. Ehkä käyt kaupassa, maksat laskuja, lähdet mukaan
    lääkäriin tai olet tukena, kun elämä tuntuu raskaalta. Teidän ei tarvitse asua
    yhdessä. Voit olla nuori tai vanha, ja voit samalla käydä töissä tai opiskella.
carer-fact = Ruotsissa lähes joka viides aikuinen auttaa tai tukee läheistään.
carer-many =
    Et siis ole ainoa. Moni on lyhentänyt työaikaansa tai jättänyt työnsä,
    jotta arki sujuisi.
carer-own = 
    Apu, jota annat läheisellesi, on vapaaehtoista. Saat sanoa ei, ja saat pitää
    huolta myös itsestäsi. On tavallista, että väsyttää, huolettaa tai tuntuu
    yksinäiseltä. Tuen pyytäminen ei ole epäonnistumista. Se auttaa sinua
    jaksamaan, ja usein se auttaa myös läheistäsi.
