# Sivu 3: millaista tukea on tarjolla.

support-heading = Sinulle on tarjolla tukea
support-law =
    Kunnan on tarjottava tukea sinulle, joka autat läheistäsi. Näin sanotaan
    Ruotsin sosiaalipalvelulaissa, eikä tuki riipu diagnoosista tai iästä.
support-free-intro = Osan tuesta saat hakematta. Se on yleensä maksutonta:
support-talk = keskusteluapua, kahden kesken tai yhdessä muiden kanssa
support-groups = omaisryhmiä, joissa tapaat muita samassa tilanteessa olevia
support-info = tietoa, kursseja ja toimintaa, jotka auttavat sinua voimaan hyvin
support-assessed-intro = Muuta tukea saat, kun kunta on arvioinut, mitä sinä ja läheisesi tarvitsette:
support-relief = lomitusta kotiin, jotta saat aikaa itsellesi
support-respite = vuorotteluhoitoa tai lyhytaikaisasumista, kun tarvitset pidemmän levon
support-day = päivätoimintaa läheisellesi
support-money =
    Jotkin kunnat antavat myös taloudellista tukea. Jos olet poissa töistä
    hoitaaksesi vakavasti sairasta läheistä, voit saada Vakuutuskassasta
    (Försäkringskassan) läheisen hoitorahaa (närståendepenning).
support-ask =
    Tuki vaihtelee kunnittain. Kysy, mitä tukea sinun kunnassasi on tarjolla.
    Yhteystiedot löydät viimeiseltä sivulta.
