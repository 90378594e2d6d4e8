# Sivu 3: millaista tukea on tarjolla.

support-heading = Sinulle on tarjolla tukea
support-law = 
    Kunnan on tarjottava sinulle tukea riippumatta läheisesi diagnoosista tai iästä
    ja silloinkin, kun hän ei itse saa kunnalta apua. Siitä säädetään Ruotsin
    sosiaalipalvelulaissa (socialtjänstlagen).
support-free-intro = Osan tuesta saat hakematta. Se on yleensä maksutonta, ja voit usein pysyä nimettömänä:
support-talk = keskusteluapua joltakulta, joka kuuntelee ja jolla on vaitiolovelvollisuus, kahden kesken tai yhdessä muiden kanssa
support-groups = omaisryhmiä, joissa tapaat muita samassa tilanteessa olevia
support-info = tietoa, kursseja ja toimintaa, jotka auttavat sinua voimaan hyvin
support-assessed-intro = Muuta tukea saat, kun kunta on arvioinut, mitä sinä ja läheisesi tarvitsette. Siitä voidaan periä maksu:
support-relief = lomitusta kotiin, jotta saat aikaa itsellesi
support-respite = vuorotteluhoitoa tai lyhytaikaisasumista, kun tarvitset pidemmän tauon
support-day = päivätoimintaa läheisellesi
support-money = 
    Jotkin kunnat antavat myös taloudellista tukea. Jos olet poissa töistä
    hoitaaksesi läheistä, jonka sairaus on vakava uhka hänen hengelleen, voit
    saada Vakuutuskassasta (Försäkringskassan) läheisen hoitorahaa
    (närståendepenning).
support-ask = 
    Tuki vaihtelee kunnittain. Kysy omasta kunnastasi, terveyskeskuksesta
    (vårdcentral) tai psykiatriasta. Yhteystiedot ovat otsikon ”{ contact-heading }” alla.
