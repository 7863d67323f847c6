"""The points of the Act on the Openness of Government Activities 621/1999 a withheld part cites.

Each point is given by its number as the Act numbers it ("31a" is point 31 a) with a short label
per language in the Act's own wording, printed after the citation in the decision letter and
offered on the decision form. The Finnish and Swedish texts were checked against the Finlex open
data (consolidated Finnish text of 2018 and every amending act up to February 2025, among them
622/2020 for points 5, 24 and 31 c, 956/2020 for 28 and 638/2021 for 17 and 18); the Swedish
labels follow the original Act and the Swedish text of each amending act. An amendment after
that must be brought in here. Most points carry a harm test, which the reasons must meet
(Administrative Procedure Act 434/2003 §45); the labels do not repeat it in full.
"""

from __future__ import annotations

#: §24(1): the documents that are secret unless an Act provides otherwise (35 points).
SECRECY_POINTS: dict[str, dict[str, str]] = {
    "1": {
        "fi": ("valtioneuvoston ulkopoliittisia asioita käsittelevän valiokunnan asiakirjat, "
               "ulkoasioita hoitavan ministeriön ja Suomen edustustojen poliittiset "
               "tilannearvioinnit, poliittisista tai taloudellisista suhteista toisen valtion "
               "kanssa käytyjä neuvotteluja koskevat asiakirjat sekä ulkoasiainhallinnon alaan "
               "kuuluvat salakirjoitetut viestit"),
        "sv": ("handlingar som innehas av det utskott inom statsrådet som behandlar "
               "utrikespolitiska ärenden, politiska lägesbedömningar som utarbetats av det "
               "ministerium som sköter utrikesärenden eller av finska beskickningar, "
               "handlingar som gäller underhandlingar med en främmande stat om de politiska "
               "eller ekonomiska relationerna samt chiffermeddelanden som hör till området för "
               "utrikesförvaltningen"),
        "en": ("documents of the Government committee on foreign policy, political situation "
               "assessments of the Ministry for Foreign Affairs and Finnish missions, "
               "documents on negotiations with another state on political or economic "
               "relations, and encrypted messages of the foreign service"),
    },
    "2": {
        "fi": ("Suomen suhteita toiseen valtioon tai kansainväliseen järjestöön koskevat "
               "asiakirjat, jos tiedon antaminen aiheuttaisi vahinkoa tai haittaa Suomen "
               "kansainvälisille suhteille"),
        "sv": ("handlingar som gäller Finlands förhållanden till andra stater eller "
               "internationella organisationer, om utlämnandet skulle medföra skada eller "
               "olägenhet för Finlands internationella förhållanden"),
        "en": ("documents concerning Finland's relations with another state or an "
               "international organisation, if disclosure would damage or harm Finland's "
               "international relations"),
    },
    "3": {
        "fi": ("ilmoitukset rikoksesta sekä esitutkintaa ja syyteharkintaa varten saadut ja "
               "laaditut asiakirjat, kunnes asia on ollut esillä tuomioistuimen istunnossa, "
               "syyttäjä on jättänyt syytteen nostamatta tai asia on jätetty sikseen"),
        "sv": ("anmälan om brott samt handlingar som mottagits eller uppgjorts för "
               "förundersökning och åtalsprövning, tills ärendet tagits upp vid ett "
               "domstolssammanträde, åklagaren beslutat att inte väcka åtal eller ärendet "
               "avskrivits"),
        "en": ("reports of offences and documents received or drawn up for the pre-trial "
               "investigation and consideration of charges, until the case has been heard in "
               "court, the prosecutor has decided not to charge, or the case has been dropped"),
    },
    "4": {
        "fi": ("poliisin ja muun esitutkintaviranomaisen rikosten ehkäisemistä tai "
               "selvittämistä varten ylläpitämät rekisterit sekä henkilöllisyyden todentamista "
               "varten saadut valokuvat ja muut henkilötuntomerkkitiedot"),
        "sv": ("register som förs av polisen eller annan förundersökningsmyndighet för "
               "förebyggande eller utredning av brott samt fotografier och övriga signalement "
               "för konstaterande av identitet"),
        "en": ("registers kept by the police or other pre-trial investigation authorities for "
               "preventing or investigating crime, and photographs and other identifying data "
               "obtained for identity verification"),
    },
    "5": {
        "fi": ("poliisin, Rajavartiolaitoksen, Tullin, vankeinhoitoviranomaisen ja "
               "Maahanmuuttoviraston taktisia ja teknisiä menetelmiä ja suunnitelmia koskevia "
               "tietoja sisältävät asiakirjat"),
        "sv": ("handlingar som innehåller uppgifter om polisens, Gränsbevakningsväsendets, "
               "Tullens, fångvårdsmyndigheternas och Migrationsverkets taktiska och tekniska "
               "metoder och planer"),
        "en": ("documents containing information on the tactical and technical methods and "
               "plans of the police, the Border Guard, Customs, the prison authorities and the "
               "Finnish Immigration Service"),
    },
    "6": {
        "fi": ("kanteluasiakirjat ennen asian ratkaisua, jos tiedon antaminen vaikeuttaisi "
               "asian selvittämistä tai ilman painavaa syytä olisi omiaan aiheuttamaan "
               "vahinkoa tai kärsimystä asiaan osalliselle"),
        "sv": ("handlingar som avser en klagan, innan ärendet har avgjorts, om utlämnandet "
               "skulle försvåra ärendets utredning eller utan vägande skäl vara ägnat att "
               "åsamka den som har del i saken skada eller lidande"),
        "en": ("complaint documents before the matter is decided, if disclosure would hinder "
               "its investigation or, without weighty reason, be likely to cause harm or "
               "suffering to a person concerned"),
    },
    "7": {
        "fi": ("henkilöiden, rakennusten, laitosten, rakennelmien sekä tieto- ja "
               "viestintäjärjestelmien turvajärjestelyjä koskevat asiakirjat"),
        "sv": ("handlingar som gäller skyddsarrangemang för personer, byggnader, inrättningar, "
               "konstruktioner samt data- och kommunikationssystem"),
        "en": ("documents concerning security arrangements for persons, buildings, facilities, "
               "structures and information and communication systems"),
    },
    "8": {
        "fi": ("onnettomuuksiin tai poikkeusoloihin varautumista, väestönsuojelua taikka "
               "turvallisuustutkintalain mukaista tutkintaa koskevat asiakirjat"),
        "sv": ("handlingar som gäller beredskap för olyckor eller undantagsförhållanden, "
               "befolkningsskydd eller utredning enligt lagen om säkerhetsutredning av olyckor "
               "och vissa andra händelser"),
        "en": ("documents concerning preparedness for accidents or emergency conditions, civil "
               "defence, or safety investigations under the Safety Investigation Act"),
    },
    "9": {
        "fi": ("suojelupoliisin ja muiden viranomaisten asiakirjat, jotka koskevat valtion "
               "turvallisuuden ylläpitämistä"),
        "sv": ("skyddspolisens och andra myndigheters handlingar som gäller upprätthållande av "
               "statens säkerhet"),
        "en": ("documents of the Finnish Security and Intelligence Service and other "
               "authorities concerning the maintenance of national security"),
    },
    "10": {
        "fi": ("sotilastiedustelua, puolustusvoimien varustamista, kokoonpanoa, sijoitusta tai "
               "käyttöä taikka muuta sotilaallista maanpuolustusta koskevat asiakirjat"),
        "sv": ("handlingar som gäller militär underrättelseverksamhet, försvarsmaktens "
               "utrustning, sammansättning, förläggning eller användning eller det övriga "
               "militära försvaret"),
        "en": ("documents concerning military intelligence, the equipment, organisation, "
               "deployment or use of the Defence Forces, or other military national defence"),
    },
    "11": {
        "fi": ("raha- ja valuuttapoliittisia päätöksiä tai toimenpiteitä taikka finanssi- ja "
               "tulopolitiikan valmistelua koskevia tietoja sisältävät asiakirjat"),
        "sv": ("handlingar som innehåller uppgifter om penning- och valutapolitiska beslut "
               "eller åtgärder eller om beredning av finans- och inkomstpolitiken"),
        "en": ("documents containing information on monetary and exchange-rate policy "
               "decisions or measures, or on the preparation of fiscal and incomes policy"),
    },
    "12": {
        "fi": ("rahoitusmarkkinoita ja vakuutustoimintaa valvovien viranomaisten laissa "
               "säädettyjä tehtäviä varten laaditut selvitykset, joista ilmenee tietoja "
               "markkinoiden toimivuudesta tai rahoitus-, vakuutus- tai eläkelaitoksista tai "
               "niiden asiakkaista"),
        "sv": ("utredningar som gjorts för att de myndigheter som övervakar finansmarknaden "
               "och försäkringsverksamheten ska kunna utföra sina uppgifter enligt lag och som "
               "innehåller uppgifter om marknadens funktionsduglighet eller om finansinstitut, "
               "försäkrings- och pensionsanstalter eller deras kunder"),
        "en": ("reports drawn up for the statutory tasks of the authorities supervising the "
               "financial markets and insurance, showing information on market functioning or "
               "on financial, insurance or pension institutions or their customers"),
    },
    "13": {
        "fi": ("kansantalouden kehitystä kuvaava tilasto, talouspoliittinen aloite ja "
               "toimenpidesuunnitelma, ennen kuin tiedot on saatettu yleisesti julkisiksi"),
        "sv": ("statistik som beskriver samhällsekonomins utveckling, ekonomisk-politiska "
               "initiativ och åtgärdsplaner innan uppgifterna har offentliggjorts allmänt"),
        "en": ("statistics describing national economic development, economic-policy "
               "initiatives and action plans before the information has been made generally "
               "public"),
    },
    "14": {
        "fi": ("uhanalaisia eläin- tai kasvilajeja tai arvokkaiden luonnonalueiden suojelua "
               "koskevia tietoja sisältävät asiakirjat"),
        "sv": ("handlingar som innehåller uppgifter om utrotningshotade djur- eller växtarter "
               "eller skydd av värdefulla naturområden"),
        "en": ("documents containing information on endangered animal or plant species or on "
               "the protection of valuable natural areas"),
    },
    "15": {
        "fi": ("asiakirjat, jotka sisältävät valtiontalouden tarkastusvirastolle annettuja "
               "tietoja kampanjatileistä, sekä viranomaisen tarkastusta tai muuta "
               "valvontatoimea koskevia tietoja sisältävät asiakirjat, jos tiedon antaminen "
               "vaarantaisi valvonnan tai sen tarkoituksen toteutumisen"),
        "sv": ("handlingar med uppgifter ur kampanjkonton som har lämnats till statens "
               "revisionsverk samt handlingar som innehåller uppgifter om inspektion som "
               "ankommer på en myndighet eller någon annan omständighet som har samband med en "
               "övervakningsåtgärd, om utlämnandet skulle äventyra övervakningen eller dess "
               "syfte"),
        "en": ("documents with campaign-account information given to the National Audit "
               "Office, and documents with information on an authority's inspection or other "
               "supervisory measure, if disclosure would jeopardise the supervision or its "
               "purpose"),
    },
    "16": {
        "fi": ("tilastoviranomaiselle tilastojen laatimista varten annetut asiakirjat sekä "
               "viranomaiselle tutkimusta tai tilastointia varten vapaaehtoisesti annetut "
               "asiakirjat"),
        "sv": ("handlingar som överlämnats till statistikmyndigheter för "
               "statistikframställning samt handlingar som frivilligt överlämnats till en "
               "myndighet för forskning eller statistikföring"),
        "en": ("documents provided to a statistical authority for compiling statistics, and "
               "documents voluntarily provided to an authority for research or statistics"),
    },
    "17": {
        "fi": ("asiakirjat, jotka sisältävät tietoja valtion, hyvinvointialueen, kunnan tai "
               "muun julkisyhteisön liikesalaisuudesta tai muusta vastaavasta liiketoimintaa "
               "koskevasta seikasta"),
        "sv": ("handlingar som innehåller uppgifter om statens, välfärdsområdens, kommuners "
               "eller andra offentliga samfunds företagshemligheter eller motsvarande "
               "omständigheter i affärsverksamhet"),
        "en": ("documents containing trade secrets or comparable business information of the "
               "State, a wellbeing services county, a municipality or another public body"),
    },
    "18": {
        "fi": ("asiakirjat, jotka sisältävät julkisyhteisön työmarkkinaosapuolena tai "
               "työriidan osapuolena laatimia tai saamia tietoja, sekä asiakirjat, jotka "
               "sisältävät valtion edustajien maataloustukineuvotteluja varten laatimia tai "
               "saamia tietoja"),
        "sv": ("handlingar med uppgifter som ett offentligt samfund har upprättat eller "
               "mottagit i egenskap av arbetsmarknadspart eller part i en arbetskonflikt samt "
               "handlingar med uppgifter som representanter för staten har upprättat eller "
               "mottagit inför förhandlingarna om lantbruksstöd"),
        "en": ("documents with information prepared or received by a public body as a "
               "labour-market party or a party to a labour dispute, and documents with "
               "information prepared or received by the State's representatives for "
               "agricultural-support negotiations"),
    },
    "19": {
        "fi": ("viranomaisen oikeudenkäynnin osapuolena oikeudenkäyntiin valmistautumista "
               "varten laatimat ja hankkimat asiakirjat"),
        "sv": ("handlingar som en myndighet i egenskap av delaktig i rättegång har upprättat "
               "eller skaffat för en rättegång"),
        "en": ("documents prepared or obtained by an authority, as a party to legal "
               "proceedings, in preparation for those proceedings"),
    },
    "20": {
        "fi": ("asiakirjat, jotka sisältävät tietoja yksityisestä liikesalaisuudesta tai "
               "muusta vastaavasta yksityisen elinkeinotoimintaa koskevasta seikasta"),
        "sv": ("handlingar som innehåller uppgifter om en privat företagshemlighet eller någon "
               "annan motsvarande omständighet som har samband med privat näringsverksamhet"),
        "en": ("documents containing information on a private trade secret or another "
               "comparable matter relating to private business activity"),
    },
    "21": {
        "fi": ("opinnäytetyön tai tieteellisen tutkimuksen suunnitelmaa tai perusaineistoa "
               "taikka teknologista tai muuta kehittämistyötä tai niiden arviointia koskevat "
               "asiakirjat"),
        "sv": ("handlingar som gäller planering av eller basmaterial för lärdomsprov eller "
               "vetenskaplig forskning eller teknologiskt eller annat utvecklingsarbete eller "
               "bedömning av sådant arbete"),
        "en": ("documents concerning the plan or source material of a thesis or scientific "
               "research, or technological or other development work, or their evaluation"),
    },
    "22": {
        "fi": "pääsy- tai muuta koetta tai testiä koskevia tietoja sisältävät asiakirjat",
        "sv": ("handlingar som innehåller uppgifter om inträdesprov eller andra prov eller "
               "test"),
        "en": "documents containing information on an entrance or other examination or test",
    },
    "23": {
        "fi": ("asiakirjat, jotka sisältävät tietoja henkilön vuosituloista tai "
               "kokonaisvarallisuudesta taikka tuen tai etuuden perusteena olevista tuloista "
               "ja varallisuudesta taikka jotka muutoin kuvaavat hänen taloudellista "
               "asemaansa, sekä tiedot luonnollisesta henkilöstä ulosottovelallisena"),
        "sv": ("handlingar som innehåller uppgifter om en persons årsinkomster eller totala "
               "förmögenhet eller om inkomster och förmögenhet som ligger till grund för stöd "
               "eller förmåner eller som annars beskriver personens ekonomiska ställning samt "
               "uppgifter om fysiska personer som utsökningsgäldenärer"),
        "en": ("documents with information on a person's annual income or total assets, or on "
               "the income and assets on which a benefit or support is based, or otherwise "
               "describing their financial position, and information on a natural person as an "
               "enforcement debtor"),
    },
    "24": {
        "fi": ("kansainvälisen suojelun tarvetta, ulkomaalaisen maahantulon edellytyksiä ja "
               "maassa oleskeluoikeutta taikka Suomen kansalaisuuden saamista tai menettämistä "
               "koskevat asiakirjat"),
        "sv": ("handlingar som gäller behovet av internationellt skydd, förutsättningarna för "
               "utlänningars inresa och uppehållsrätt eller förvärv eller förlust av finskt "
               "medborgarskap"),
        "en": ("documents concerning the need for international protection, the conditions for "
               "a foreign national's entry and right of residence, or the acquisition or loss "
               "of Finnish citizenship"),
    },
    "25": {
        "fi": ("asiakirjat, jotka sisältävät tietoja sosiaalihuollon asiakkaasta tai "
               "työhallinnon henkilöasiakkaasta ja hänen saamistaan etuuksista, tukitoimista "
               "ja palveluista taikka tietoja henkilön terveydentilasta, vammaisuudesta tai "
               "hänen saamistaan terveydenhuollon ja kuntoutuksen palveluista taikka henkilön "
               "seksuaalisesta käyttäytymisestä ja suuntautumisesta"),
        "sv": ("handlingar som innehåller uppgifter om en klient hos socialvården eller en "
               "enskild kund hos arbetsförvaltningen och om de förmåner, stödåtgärder eller "
               "den service som denne har erhållit eller uppgifter om en persons "
               "hälsotillstånd eller handikapp, den hälsovård eller rehabilitering som denne "
               "har erhållit eller om någons sexuella beteende eller inriktning"),
        "en": ("documents with information on a social-welfare client or an individual "
               "employment-services customer and the benefits, support measures and services "
               "they have received, or on a person's state of health, disability or the "
               "health-care and rehabilitation services they have received, or on a person's "
               "sexual behaviour and orientation"),
    },
    "26": {
        "fi": ("asiakirjat, jotka sisältävät tietoja rikoksesta epäillyn, asianomistajan tai "
               "muun rikosasiaan liittyvän henkilön yksityiselämään liittyvistä "
               "arkaluonteisista seikoista, samoin kuin asiakirjat, jotka sisältävät tietoja "
               "rikoksen uhrista, jos tiedon antaminen loukkaisi rikoksen uhrin oikeuksia tai "
               "hänen muistoaan tai läheisiään"),
        "sv": ("handlingar som innehåller uppgifter om känsliga omständigheter som gäller "
               "privatlivet för någon som misstänks för ett brott, en målsägande eller någon "
               "annan som har samband med ett brottmål samt handlingar som innehåller "
               "uppgifter om ett brottsoffer, om utlämnandet kränker offrets rättigheter, "
               "minnet av offret eller offrets närstående"),
        "en": ("documents with information on sensitive matters in the private life of a "
               "suspect, an injured party or another person connected with a criminal case, "
               "and documents with information on a crime victim, if disclosure would violate "
               "the victim's rights or memory or their close relatives"),
    },
    "27": {
        "fi": ("oikeuspsykiatrista mielentilatutkimusta, seuraamusselvitystä, rangaistusajan "
               "suunnitelmaa, vapauttamissuunnitelmaa tai valvontasuunnitelmaa koskevia "
               "tietoja sisältävät asiakirjat"),
        "sv": ("handlingar som innehåller uppgifter om rättspsykiatrisk sinnesundersökning, "
               "påföljdsutredning, plan för strafftiden, frigivningsplan eller "
               "övervakningsplan"),
        "en": ("documents containing information on a forensic psychiatric examination, a "
               "pre-sentence report, a sentence plan, a release plan or a supervision plan"),
    },
    "28": {
        "fi": ("hallintoviranomaisen asiakirjat ja rekisterit, jotka sisältävät tietoja "
               "tuomitusta taikka vangitusta tai muutoin vapautensa menettäneestä henkilöstä, "
               "sekä rikosrekisteriin, sakkorekisteriin ja todistajansuojeluohjelmia koskevaan "
               "rekisteriin tallennetut tiedot"),
        "sv": ("en förvaltningsmyndighets handlingar och register med uppgifter om en dömd, en "
               "häktad eller en person som annars berövats sin frihet samt uppgifter som förts "
               "in i straffregistret, bötesregistret och registret över vittnesskyddsprogram"),
        "en": ("an administrative authority's documents and registers on a convicted person or "
               "a person deprived of liberty, and data in the criminal records, fines register "
               "and witness-protection register"),
    },
    "29": {
        "fi": ("henkilölle suoritettua psykologista testiä tai soveltuvuuskoetta taikka "
               "asevelvollisen sijoittamista, työntekijän valintaa tai palkkauksen perustetta "
               "varten tehtyjä arviointeja koskevat tiedot"),
        "sv": ("uppgifter om psykologiska test eller lämplighetsprov som gäller en person "
               "eller bedömning för placering av en värnpliktig, val av en anställd eller "
               "fastställande av avlöningsgrund"),
        "en": ("information on a psychological test or aptitude test taken by a person, or on "
               "assessments made for placing a conscript, selecting an employee or setting the "
               "basis of pay"),
    },
    "30": {
        "fi": ("oppilashuoltoa ja oppilaan opetuksesta vapauttamista koskevat asiakirjat, "
               "oppilaan ja kokelaan koesuoritukset sekä oppilaan henkilökohtaisten "
               "ominaisuuksien sanallinen arviointi"),
        "sv": ("handlingar som gäller elevvård eller befriande av en elev från undervisning, "
               "elevers och examinanders provprestationer samt verbala bedömningar av en elevs "
               "personliga egenskaper"),
        "en": ("documents on pupil welfare or a pupil's exemption from instruction, pupils' "
               "and candidates' examination performances, and verbal assessments of a pupil's "
               "personal characteristics"),
    },
    "31": {
        "fi": ("tiedot henkilön ilmoittamasta salaisesta puhelinnumerosta tai matkaviestimen "
               "sijaintipaikasta sekä tiedot henkilön kotikunnasta, asuinpaikasta ja "
               "yhteystiedoista, jos henkilö on pyytänyt tiedon salassapitoa ja hänellä on "
               "perusteltu syy epäillä itsensä tai perheensä terveyden tai turvallisuuden "
               "tulevan uhatuksi"),
        "sv": ("uppgift som någon har lämnat om sitt hemliga telefonnummer eller uppgift om "
               "läget för en mobilteleapparat samt uppgifter om en persons hemkommun, bostad "
               "och kontaktinformation, om personen har begärt att de ska hållas hemliga och "
               "har grundad anledning att misstänka att hans eller hennes egen eller familjens "
               "hälsa eller säkerhet kan komma att hotas"),
        "en": ("information on a person's unlisted telephone number or the location of their "
               "mobile device, and on their municipality of residence, address and contact "
               "details, if the person has asked for it to be kept secret and has a justified "
               "reason to suspect a threat to their own or their family's health or safety"),
    },
    "31a": {
        "fi": ("anonyymistä todistamisesta päättämistä koskeva hakemus ja siihen liittyvät "
               "asiakirjat sekä anonyymin todistajan henkilöllisyyden paljastamista koskevat "
               "asiakirjat"),
        "sv": ("en ansökan om beslut om anonym bevisning och tillhörande handlingar samt "
               "handlingar som gäller röjande av ett anonymt vittnes identitet"),
        "en": ("an application for a decision on anonymous testimony and related documents, "
               "and documents concerning disclosure of an anonymous witness's identity"),
    },
    "31b": {
        "fi": ("asianomistajan pyyntö saada ilmoitus vangin tai tutkintavangin vapauttamisesta "
               "tai poistumisesta, tällaiset ilmoitukset sekä pyyntöön liittyvät "
               "asianomistajan yhteystiedot"),
        "sv": ("målsägandens begäran om anmälan om att en fånge eller häktad frigivits eller "
               "avlägsnat sig, sådana anmälningar samt målsägandens kontaktinformation i "
               "anslutning till begäran"),
        "en": ("an injured party's request to be notified of a prisoner's or remand prisoner's "
               "release or departure, such notifications, and the injured party's related "
               "contact details"),
    },
    "31c": {
        "fi": ("Suomessa oleskelevaa ulkomaalaista koskevat asiakirjat, jos on perusteltu syy "
               "epäillä, että tiedon antaminen vaarantaa asianosaisen tai hänen läheisensä "
               "turvallisuuden"),
        "sv": ("handlingar som gäller en utlänning som vistas i Finland, om det finns grundad "
               "anledning att misstänka att utlämnandet äventyrar säkerheten för parten eller "
               "partens närstående"),
        "en": ("documents concerning a foreign national residing in Finland, if there is "
               "justified reason to suspect that disclosure would endanger the safety of the "
               "person or someone close to them"),
    },
    "32": {
        "fi": ("asiakirjat, jotka sisältävät tietoja henkilön poliittisesta vakaumuksesta, "
               "yksityiselämän piirissä esittämistä mielipiteistä, elintavoista, "
               "osallistumisesta yhdistystoimintaan, vapaa-ajan harrastuksista, perhe-elämästä "
               "tai muista niihin verrattavista henkilökohtaisista oloista"),
        "sv": ("handlingar som innehåller uppgifter om en persons politiska övertygelse, "
               "åsikter som personen har uttalat privat, levnadssätt, deltagande i "
               "föreningsverksamhet, fritidssysselsättningar, familjeliv eller andra med dem "
               "jämförbara personliga förhållanden"),
        "en": ("documents with information on a person's political convictions, opinions "
               "expressed in private, lifestyle, participation in associations, leisure "
               "activities, family life or other comparable personal circumstances"),
    },
}

#: §11(2): the documents a party (§11) or a person asking about themselves (§12) is not
#: given, though the right otherwise reaches secret documents.
PARTY_POINTS: dict[str, dict[str, str]] = {
    "1": {
        "fi": ("asiakirja, josta tiedon antaminen olisi vastoin erittäin tärkeää yleistä etua "
               "taikka lapsen etua tai muuta erittäin tärkeää yksityistä etua"),
        "sv": ("en handling vars utlämnande skulle strida mot ett synnerligen viktigt allmänt "
               "intresse, ett barns intresse eller ett annat synnerligen viktigt enskilt "
               "intresse"),
        "en": ("a document whose disclosure would be contrary to a very important public "
               "interest, the best interests of a child or another very important private "
               "interest"),
    },
    "2": {
        "fi": ("esitutkinnassa ja poliisitutkinnassa esitetty tai laadittu asiakirja ennen "
               "tutkinnan lopettamista, jos tiedon antamisesta aiheutuisi haittaa asian "
               "selvittämiselle"),
        "sv": ("en handling som har företetts eller upprättats vid förundersökning eller "
               "polisundersökning som ännu pågår, om utredningen skulle försvåras av att "
               "uppgifter lämnas ut"),
        "en": ("a document presented or drawn up in a pre-trial or police investigation before "
               "the investigation ends, if disclosure would hamper the investigation"),
    },
    "3": {
        "fi": ("esittelymuistio, ratkaisuehdotus tai muu asian valmistelua varten viranomaisen "
               "laatima asiakirja, ennen kuin asian käsittely viranomaisessa on päättynyt"),
        "sv": ("en föredragningspromemoria, ett förslag till avgörande eller någon annan "
               "därmed jämförbar handling som myndigheten har upprättat för beredning av ett "
               "ärende, så länge myndigheten ännu behandlar ärendet"),
        "en": ("a presentation memorandum, draft decision or other document prepared by the "
               "authority for the preparation of the matter, before the authority has "
               "concluded the matter"),
    },
    "4": {
        "fi": ("viranomaisen oikeudenkäynnin osapuolena oikeudenkäyntiin valmistautumista "
               "varten laatima tai hankkima asiakirja, jos tiedon antaminen olisi vastoin "
               "julkisyhteisön etua oikeudenkäynnissä"),
        "sv": ("en handling som en myndighet i egenskap av delaktig i rättegång har upprättat "
               "eller skaffat för förberedelse av en rättegång, om utlämnandet skulle strida "
               "mot ett offentligt samfunds intresse vid rättegången"),
        "en": ("a document prepared or obtained by an authority, as a party, to prepare for "
               "legal proceedings, if disclosure would be contrary to the public body's "
               "interest in the proceedings"),
    },
    "5": {
        "fi": ("tiedot ulosottoasiassa ennen ulosmittausta, jos tiedon antaminen tuntuvasti "
               "vaikeuttaisi täytäntöönpanoa, sekä muut kuin velallisen taloudellista asemaa "
               "koskevat tiedot"),
        "sv": ("uppgifter i ett utsökningsärende innan utmätning förrättats, om utlämnandet "
               "märkbart skulle försvåra verkställigheten, samt andra uppgifter än sådana som "
               "gäller gäldenärens ekonomiska ställning"),
        "en": ("information in an enforcement matter before attachment, if disclosure would "
               "seriously hamper enforcement, and information other than on the debtor's "
               "financial position"),
    },
    "6": {
        "fi": ("julkisessa hankinnassa toisen ehdokkaan tai tarjoajan liikesalaisuutta "
               "koskevat tiedot; tarjousten vertailussa käytetty kokonaishinta on kuitenkin "
               "aina annettava"),
        "sv": ("en annan anbudssökandes eller anbudsgivares företagshemligheter vid offentlig "
               "upphandling; det totalpris som används vid anbudsjämförelsen ska dock alltid "
               "lämnas"),
        "en": ("another candidate's or tenderer's trade secrets in public procurement; the "
               "total price used in comparing tenders must nevertheless always be disclosed"),
    },
    "6a": {
        "fi": ("anonyymistä todistamisesta päättämistä ja anonyymin todistajan "
               "henkilöllisyyden paljastamista koskevat asiakirjat ja tiedot, joista "
               "todistajan henkilöllisyys voi paljastua"),
        "sv": ("handlingar och uppgifter om anonym bevisning och röjande av ett anonymt "
               "vittnes identitet, på basis av vilka vittnets identitet kan röjas"),
        "en": ("documents and information on decisions on anonymous testimony and on "
               "disclosing an anonymous witness's identity, from which the witness's identity "
               "could be revealed"),
    },
    "7": {
        "fi": ("todistajan, asianomistajan, asianosaisen tai ilmoituksen tekijän salassa "
               "pidettävät yhteystiedot, jos tiedon antaminen vaarantaisi hänen "
               "turvallisuuttaan, etujaan tai oikeuksiaan"),
        "sv": ("sekretessbelagd kontaktinformation för ett vittne, en målsägande, en part "
               "eller en anmälare, om utlämnandet skulle äventyra dennes säkerhet, intressen "
               "eller rättigheter"),
        "en": ("confidential contact details of a witness, injured party, party or person who "
               "made a report, if disclosure would endanger their safety, interests or rights"),
    },
    "7a": {
        "fi": ("asiakirjat, jotka sisältävät asianomistajan pyynnön saada ilmoitus vangin tai "
               "tutkintavangin vapauttamisesta tai poistumisesta taikka tietoja tällaisista "
               "ilmoituksista"),
        "sv": ("handlingar med uppgifter om målsägandens begäran om anmälan om att en fånge "
               "eller häktad frigivits eller avlägsnat sig eller om sådana anmälningar"),
        "en": ("documents containing an injured party's request to be notified of a prisoner's "
               "or remand prisoner's release or departure, or information on such "
               "notifications"),
    },
    "8": {
        "fi": ("sen asiakirjan salassa pidetty osa, jonka julkisuuden määräytymistä asia "
               "koskee"),
        "sv": "en sekretessbelagd del av en handling vars offentlighet ärendet gäller",
        "en": ("the confidential part of the document whose public-access status is the "
               "subject of the matter"),
    },
}
