# Page 3: what support there is.

support-heading = There is support for you
support-law =
    Your municipality must offer support to you who help someone close to you.
    This is set out in the Social Services Act (socialtjänstlagen) and does not
    depend on any diagnosis or age.
support-free-intro = Some support you can get without applying. It is usually free:
support-talk = someone to talk to, on your own or together with others
support-groups = carers' groups where you meet others in the same situation
support-info = information, courses and activities that help you feel well
support-assessed-intro = Other support you get after an assessment of what you and the person you help need:
support-relief = relief at home, so that you get time for yourself
support-respite = respite care or a short-term stay, when you need a longer rest
support-day = day activities for the person you help
support-money =
    Some municipalities also give financial support. If you take time off work
    to care for someone who is seriously ill, you may get a carer's allowance
    (närståendepenning) from the Swedish Social Insurance Agency
    (Försäkringskassan).
support-ask =
    Support differs between municipalities. Ask what there is where you live.
    You will find the contact details on the last page.
