//! The translation table: one line per key, with its Finnish, Swedish and English text. The
//! macro makes the `Key` enum, `Key::ALL` and the lookup from the same lines, so a key cannot
//! exist without all three languages, nor be left out of `ALL`. Keys only the publishers' pages
//! use go in the second table, `tools` (see `TOOLS_TEXTS` for why).

use kulttuurikartta_core::lang::Lang;

macro_rules! translations {
    (
        explorer { $($key:ident => ($fi:expr, $sv:expr, $en:expr $(,)?),)* }
        tools { $($tkey:ident => ($tfi:expr, $tsv:expr, $ten:expr $(,)?),)* }
    ) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Key {
            $($key,)*
            $($tkey,)*
        }

        impl Key {
            pub const ALL: &'static [Key] = &[$(Key::$key,)* $(Key::$tkey,)*];
        }

        pub(super) fn text(lang: Lang, key: Key) -> &'static str {
            let (fi, sv, en) = match key {
                $(Key::$key => ($fi, $sv, $en),)*
                _ => return tools_text_of(lang, key),
            };
            pick(lang, fi, sv, en)
        }

        /// The second table (see `TOOLS_TEXTS`).
        fn tools_text(lang: Lang, key: Key) -> &'static str {
            let (fi, sv, en) = match key {
                $(Key::$tkey => ($tfi, $tsv, $ten),)*
                _ => unreachable!("{key:?} is in the first table"),
            };
            pick(lang, fi, sv, en)
        }
    };
}

fn pick(lang: Lang, fi: &'static str, sv: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Fi => fi,
        Lang::Sv => sv,
        Lang::En => en,
    }
}

/// The publishers' pages (statistics, validator, embed builder) are a separate build
/// (crates/app's `tools` feature), and their hundred-odd texts are about 13 kB that the
/// explorer's download should not carry. The explorer never shows them, but one `match` over
/// every key would link them all in; so their table is reached through this pointer, which only
/// the tools build sets (`include_tools_texts`, called from its `main`). In the explorer build
/// nothing else names `tools_text`, and the linker drops it with its strings. Natively (tests,
/// the harvester) size does not matter, and the table is always there.
static TOOLS_TEXTS: std::sync::OnceLock<fn(Lang, Key) -> &'static str> = std::sync::OnceLock::new();

/// Makes the publishers' pages' texts available: the tools build calls this first thing.
pub fn include_tools_texts() {
    let _ = TOOLS_TEXTS.set(tools_text);
}

fn tools_text_of(lang: Lang, key: Key) -> &'static str {
    if cfg!(not(target_arch = "wasm32")) {
        return tools_text(lang, key);
    }
    match TOOLS_TEXTS.get() {
        Some(text) => text(lang, key),
        // A tools text asked for in the explorer build is a bug: say which, rather than a blank.
        None => panic!("i18n: {key:?} is a tools text, and include_tools_texts() was not called"),
    }
}

impl Key {
    /// Keys whose text is legitimately the same in every language (proper names).
    pub fn same_in_all_languages(self) -> bool {
        matches!(self, Key::AppName | Key::RegionKainuu)
    }
}

translations! {
    // What the explorer, the event page and the rest of the main build show.
    explorer {
    AppName => ("Kulttuurikartta", "Kulttuurikartta", "Kulttuurikartta"),
    Tagline => ("Kainuun ja Pohjois-Pohjanmaan kulttuuritapahtumat", "Kulturevenemang i Kajanaland och Norra Österbotten", "Cultural events in Kainuu and North Ostrobothnia"),
    SampleDataNotice => ("tapahtumat ovat keksittyjä, paikat todellisia.", "evenemangen är påhittade, platserna verkliga.", "the events are made up, the venues are real."),
    Loading => ("Ladataan tapahtumia…", "Laddar evenemang…", "Loading events…"),
    OpeningPage => ("Avataan sivua…", "Öppnar sidan…", "Opening the page…"),
    FeedErrorTitle => ("Tapahtumia ei voitu ladata", "Evenemangen kunde inte laddas", "The events could not be loaded"),
    FeedErrorHelp => ("Tarkista verkkoyhteys ja yritä uudelleen. Jos vika jatkuu, syötteen julkaisija voi tarkistaa osoitteen.", "Kontrollera nätverksanslutningen och försök igen. Om felet kvarstår kan flödets utgivare kontrollera adressen.", "Check your connection and try again. If the problem persists, the feed's publisher can check its address."),
    Retry => ("Yritä uudelleen", "Försök igen", "Try again"),
    EventsCount => ("tapahtumaa", "evenemang", "events"),
    DateToBeAnnounced => ("Ajankohta ilmoitetaan myöhemmin", "Tidpunkten meddelas senare", "Date to be announced"),
    Cancelled => ("Peruttu", "Inställt", "Cancelled"),
    Postponed => ("Siirretty", "Uppskjutet", "Postponed"),
    Rescheduled => ("Uusi ajankohta", "Ny tidpunkt", "Rescheduled"),
    Online => ("Verkossa", "På nätet", "Online"),
    ApproximateLocation => ("Sijainti likimääräinen", "Ungefärlig plats", "Approximate location"),
    Free => ("Maksuton", "Gratis", "Free"),
    NotFoundTitle => ("Sivua ei löytynyt", "Sidan hittades inte", "Page not found"),
    NotFoundBody => ("Osoitteessa ei ole sivua. Se on voinut siirtyä, tai linkissä on virhe.", "Det finns ingen sida på adressen. Den kan ha flyttats, eller så är länken felaktig.", "There is no page at this address. It may have moved, or the link may be wrong."),
    BackToEvents => ("Takaisin tapahtumiin", "Tillbaka till evenemangen", "Back to events"),
    EventNotFound => ("Tapahtumaa ei löytynyt syötteestä.", "Evenemanget finns inte i flödet.", "The event is not in the feed."),
    Language => ("Kieli", "Språk", "Language"),
    SkipToResults => ("Siirry tapahtumiin", "Hoppa till evenemangen", "Skip to events"),
    ProblemsInFeed => ("tapahtumaa ei voitu näyttää", "evenemang kunde inte visas", "events could not be shown"),
    MoreInfo => ("Lisätietoja", "Mer information", "More information"),
    Tickets => ("Liput", "Biljetter", "Tickets"),
    ErrorHttp => ("Palvelin vastasi virheellä", "Servern svarade med ett fel", "The server answered with an error"),
    ErrorNetwork => ("Verkkoyhteys ei toiminut", "Nätverksanslutningen fungerade inte", "The network connection failed"),
    SomeFeedsFailed => ("Osaa tapahtumasyötteistä ei voitu ladata", "Några evenemangsflöden kunde inte laddas", "Some event feeds could not be loaded"),
    Place => ("Paikka", "Plats", "Place"),
    Municipality => ("Kunta", "Kommun", "Municipality"),
    Time => ("Aika", "Tid", "Time"),
    Price => ("Hinta", "Pris", "Price"),
    Categories => ("Aiheet", "Kategorier", "Categories"),
    SampleData => ("Esimerkkiaineisto", "Exempeldata", "Sample data"),
    FooterAbout => ("Kulttuurikartta kokoaa Kainuun ja Pohjois-Pohjanmaan kuntien kulttuuritapahtumat julkaistuista tapahtumasyötteistä.", "Kulttuurikartta samlar kulturevenemangen i Kajanalands och Norra Österbottens kommuner från publicerade evenemangsflöden.", "Kulttuurikartta gathers the cultural events of the municipalities of Kainuu and North Ostrobothnia from their published event feeds."),
    ErrorFeedEmpty => ("Tapahtumasyöte on tyhjä", "Evenemangsflödet är tomt", "The event feed is empty"),
    ErrorFeedTooLarge => ("Tapahtumasyöte on liian suuri avattavaksi", "Evenemangsflödet är för stort för att öppnas", "The event feed is too large to open"),
    ErrorFeedNotJson => ("Tapahtumasyöte ei ole JSON-muodossa", "Evenemangsflödet är inte i JSON-format", "The event feed is not in JSON format"),
    ErrorFeedShape => ("Tapahtumasyöte on JSON-muodossa, mutta ei tunnettua tapahtumamuotoa (Linked Events tai schema.org)", "Evenemangsflödet är JSON, men inte i ett känt evenemangsformat (Linked Events eller schema.org)", "The event feed is JSON but not in a known event format (Linked Events or schema.org)"),
    ErrorTimeout => ("Tapahtumasyöte ei vastannut ajoissa", "Evenemangsflödet svarade inte i tid", "The event feed did not answer in time"),
    ErrorNotAFeed => ("Syötteen osoitteesta tuli verkkosivu eikä tapahtumasyöte (kirjautumissivu tai verkon sisäänkirjautuminen?)", "Flödets adress gav en webbsida och inget evenemangsflöde (en inloggningssida eller nätverkets inloggning?)", "The feed's address returned a web page, not an event feed (a login page or a network sign-in?)"),
    ErrorPageMissing => ("Osa tapahtumista puuttuu: syötteen sivua ei saatu haettua", "En del av evenemangen saknas: en sida i flödet kunde inte hämtas", "Some events are missing: a page of the feed could not be fetched"),
    ErrorNotFollowed => ("Toiselle sivustolle johtavaa osoitetta ei seurattu", "En adress som leder till en annan webbplats följdes inte", "An address leading to another site was not followed"),
    ErrorFeedRefused => ("Linkin syöteosoitetta ei ole sallittu tässä palvelussa", "Flödesadressen i länken är inte tillåten i den här tjänsten", "The feed address in the link is not allowed in this service"),
    ShowingCachedCopy => ("Verkkoyhteys ei toiminut. Näytetään tallennettu kopio, päivitetty viimeksi", "Nätverksanslutningen fungerade inte. Visar en sparad kopia, senast uppdaterad", "The network failed. Showing a saved copy, last updated"),
    ProblemFeed => ("Syöte", "Flöde", "Feed"),
    ProblemPath => ("Kohta", "Ställe", "Location in feed"),
    SeriesDates => ("päivää, seuraava", "datum, nästa", "dates, next"),
    OtherDates => ("Kaikki päivät", "Alla datum", "All dates"),
    PartOf => ("Osa tapahtumaa", "En del av", "Part of"),
    Programme => ("Ohjelma", "Program", "Programme"),
    Organizer => ("Järjestäjä", "Arrangör", "Organiser"),
    Languages => ("Kielet", "Språk", "Languages"),
    Ages => ("Ikäsuositus", "Åldersrekommendation", "Age"),
    ImageCredit => ("Kuva", "Bild", "Image"),
    Description => ("Kuvaus", "Beskrivning", "Description"),
    Online2 => ("Verkkotapahtuma", "Evenemang på nätet", "Online event"),
    ProblemMessage => ("Virhe", "Fel", "Problem"),
    MapLabel => ("Tapahtumakartta", "Evenemangskarta", "Event map"),
    MapHelp => ("Kartta: siirrä nuolinäppäimillä, lähennä ja loitonna plus- ja miinusnäppäimillä tai painikkeilla. Sarkain vie kartan kohteisiin; niiden välillä liikutaan nuolinäppäimillä ja Enter avaa kohteen. Sama tieto on luettavissa tapahtumaluettelosta.", "Karta: flytta med piltangenterna, zooma med plus- och minustangenterna eller knapparna. Tabb leder till objekten på kartan; mellan dem rör du dig med piltangenterna och Enter öppnar objektet. Samma information finns i evenemangslistan.", "Map: move with the arrow keys, zoom with the plus and minus keys or the buttons. Tab moves to the items on the map; arrow keys then move between them and Enter opens one. The same information is in the list of events."),
    ZoomIn => ("Lähennä", "Zooma in", "Zoom in"),
    ZoomOut => ("Loitonna", "Zooma ut", "Zoom out"),
    Close => ("Sulje", "Stäng", "Close"),
    SelectedEvents => ("Valitut tapahtumat", "Valda evenemang", "Selected events"),
    EventsRead => ("tapahtumaa luettu", "evenemang lästa", "events read"),
    Search => ("Hae", "Sök", "Search"),
    FiltersLabel => ("Hae ja rajaa", "Sök och filtrera", "Search and filter"),
    RegionKainuu => ("Kainuu", "Kajanaland", "Kainuu"),
    RegionNorthOstrobothnia => ("Pohjois-Pohjanmaa", "Norra Österbotten", "North Ostrobothnia"),
    Oulu2026Region => ("Koko Oulu2026-alue", "Hela Oulu2026-regionen", "The whole Oulu2026 region"),
    SelectAll => ("Valitse kaikki", "Välj alla", "Select all"),
    FreeOnly => ("Vain maksuttomat", "Endast gratis", "Free only"),
    ForFamilies => ("Lapsille ja perheille", "För barn och familjer", "For children and families"),
    Attendance => ("Osallistuminen", "Deltagande", "Attendance"),
    AttendanceAll => ("Kaikki", "Alla", "All"),
    OnSite => ("Paikan päällä", "På plats", "On site"),
    HideCancelled => ("Piilota perutut", "Dölj inställda", "Hide cancelled"),
    ActiveFilters => ("Valitut rajaukset", "Valda filter", "Active filters"),
    RemoveFilter => ("Poista rajaus", "Ta bort filtret", "Remove filter"),
    ClearAll => ("Tyhjennä kaikki", "Rensa alla", "Clear all"),
    NoMatches => ("Yksikään tapahtuma ei vastaa valintoja.", "Inga evenemang motsvarar valen.", "No events match your choices."),
    ShowAllUpcoming => ("Näytä kaikki tulevat", "Visa alla kommande", "Show all upcoming"),
    ShowMore => ("Näytä lisää", "Visa fler", "Show more"),
    Remaining => ("jäljellä", "kvar", "more"),
    OnNow => ("Käynnissä nyt", "Pågår nu", "On now"),
    Events => ("Tapahtumat", "Evenemang", "Events"),
    SelectedSuffix => ("valittu", "valda", "selected"),
    NoneLeft => ("ei tuloksia", "inga resultat", "no results"),
    Timeline => ("Aikajana", "Tidslinje", "Timeline"),
    TimelineHelp => ("Aikajana: vedä tapahtumien kohdalla valitaksesi ajanjakson ja asteikon kohdalla siirtääksesi näkymää. Nuolinäppäimet siirtävät näkymää, plus ja miinus lähentävät ja loitontavat.", "Tidslinje: dra över evenemangen för att välja en period och över skalan för att flytta vyn. Piltangenterna flyttar vyn, plus och minus zoomar.", "Timeline: drag across the events to choose a period and across the scale to move the view. Arrow keys move the view, plus and minus zoom."),
    TimeWindow => ("Ajanjakso", "Tidsperiod", "Time window"),
    WindowHelp => ("Nuolet siirtävät jaksoa päivän, Page Up ja Page Down viikon, vaihto ja nuolet muuttavat sen pituutta, Home siirtää sen tähän päivään ja Delete poistaa sen.", "Pilarna flyttar perioden en dag, Page Up och Page Down en vecka, skift och pilarna ändrar dess längd, Home flyttar den till i dag och Delete tar bort den.", "Arrows move the period by a day, Page Up and Page Down by a week, Shift with arrows changes its length, Home moves it to today and Delete removes it."),
    Today => ("Tänään", "I dag", "Today"),
    Tomorrow => ("Huomenna", "I morgon", "Tomorrow"),
    ThisWeekend => ("Viikonloppuna", "I helgen", "This weekend"),
    Next7Days => ("Seuraavat 7 päivää", "Nästa 7 dagar", "Next 7 days"),
    ThisMonth => ("Tässä kuussa", "Denna månad", "This month"),
    AllUpcoming => ("Kaikki tulevat", "Alla kommande", "All upcoming"),
    DateFrom => ("Alkaen", "Från", "From"),
    DateTo => ("Päättyen", "Till", "To"),
    Play => ("Toista", "Spela upp", "Play"),
    Pause => ("Pysäytä", "Pausa", "Pause"),
    Step => ("Askel", "Steg", "Step"),
    StepDay => ("Päivä kerrallaan", "En dag i taget", "A day at a time"),
    StepWeek => ("Viikko kerrallaan", "En vecka i taget", "A week at a time"),
    Speed => ("Nopeus", "Hastighet", "Speed"),
    Slow => ("Hidas", "Långsam", "Slow"),
    NormalSpeed => ("Normaali", "Normal", "Normal"),
    Fast => ("Nopea", "Snabb", "Fast"),
    Now => ("Nyt", "Nu", "Now"),
    Earlier => ("Aiemmin", "Tidigare", "Earlier"),
    Later => ("Myöhemmin", "Senare", "Later"),
    ShowList => ("Lista", "Lista", "List"),
    ShowMap => ("Kartta", "Karta", "Map"),
    ViewSwitch => ("Näkymä", "Vy", "View"),
    ChooseDates => ("Valitse päivät", "Välj datum", "Choose dates"),
    AlreadyRunning => ("Jo käynnissä", "Pågår redan", "Already running"),
    Share => ("Jaa", "Dela", "Share"),
    LinkCopied => ("Linkki kopioitu leikepöydälle", "Länken kopierades till urklipp", "Link copied to the clipboard"),
    CopyFailed => ("Kopiointi ei onnistunut. Kopioi osoite selaimen osoiteriviltä.", "Kopieringen misslyckades. Kopiera adressen från webbläsarens adressfält.", "Copying failed. Copy the address from the browser's address bar."),
    AddToCalendar => ("Lisää kalenteriin", "Lägg till i kalendern", "Add to calendar"),
    AddSeriesToCalendar => ("Lisää kaikki päivät kalenteriin", "Lägg till alla datum i kalendern", "Add all dates to calendar"),
    AccessibilityStatement => ("Saavutettavuusseloste", "Tillgänglighetsutlåtande", "Accessibility statement"),
    TimelineZoomIn => ("Lähennä aikajanaa", "Zooma in tidslinjen", "Zoom in the timeline"),
    TimelineZoomOut => ("Loitonna aikajanaa", "Zooma ut tidslinjen", "Zoom out the timeline"),
    MoreFilters => ("Muut rajaukset", "Fler filter", "More filters"),
    StatementIntro => ("Tämä saavutettavuusseloste koskee Kulttuurikartta-palvelua. Palvelun tavoitteena on täyttää lain digitaalisten palvelujen tarjoamisesta (306/2019) vaatimukset ja WCAG 2.1 -ohjeiston AA-tason kriteerit.", "Detta tillgänglighetsutlåtande gäller tjänsten Kulttuurikartta. Tjänsten strävar efter att uppfylla kraven i lagen om tillhandahållande av digitala tjänster (306/2019) och nivå AA i riktlinjerna WCAG 2.1.", "This accessibility statement covers the Kulttuurikartta service. The service aims to meet the requirements of the Act on the Provision of Digital Services (306/2019) and level AA of WCAG 2.1."),
    StatementStatusHeading => ("Saavutettavuuden tila", "Tillgänglighetsstatus", "Compliance status"),
    StatementStatus => ("Palvelu täyttää WCAG 2.1 AA -kriteerit osittain. Tunnetut puutteet on lueteltu alla.", "Tjänsten uppfyller delvis kriterierna i WCAG 2.1 AA. Kända brister anges nedan.", "The service partially meets WCAG 2.1 AA. Known shortcomings are listed below."),
    StatementGapsHeading => ("Sisältö, joka ei ole saavutettavaa", "Innehåll som inte är tillgängligt", "Content that is not accessible"),
    StatementGapMap => ("Kartta ja aikajana ovat visuaalisia esityksiä. Sama tieto on saatavilla tapahtumaluettelosta, joka näyttää aina samat tapahtumat ja toimii näppäimistöllä ja ruudunlukijalla.", "Kartan och tidslinjen är visuella framställningar. Samma information finns i evenemangslistan, som alltid visar samma evenemang och fungerar med tangentbord och skärmläsare.", "The map and the timeline are visual presentations. The same information is in the list of events, which always shows the same events and works with a keyboard and a screen reader."),
    StatementGapFeeds => ("Tapahtumien tekstit, kuvat ja kuvien vaihtoehtoiset tekstit tulevat kuntien julkaisemista syötteistä. Jos julkaisija ei ole antanut kuvalle vaihtoehtoista tekstiä tai tekstiä kaikilla kielillä, palvelu näyttää sen kielen, joka on saatavilla, ja merkitsee kielen.", "Evenemangens texter, bilder och bildernas alternativtexter kommer från flöden som kommunerna publicerar. Om utgivaren inte har gett en alternativtext eller text på alla språk visar tjänsten det språk som finns och märker ut språket.", "Event texts, images and image descriptions come from the feeds municipalities publish. Where a publisher has not given an image description or a text in every language, the service shows the language available and marks it."),
    StatementGapTiles => ("Karttatiilet ovat kolmannen osapuolen kuvia eikä niillä ole tekstivastinetta; kunnat ja tapahtumat on nimetty kartalla ja luettelossa.", "Kartplattorna är bilder från tredje part utan textalternativ; kommunerna och evenemangen namnges på kartan och i listan.", "Map tiles are third-party images without a text alternative; municipalities and events are named on the map and in the list."),
    StatementMethodHeading => ("Miten saavutettavuutta on arvioitu", "Hur tillgängligheten har bedömts", "How accessibility was assessed"),
    StatementMethod => ("Palvelu on testattu automaattisesti axe-core-työkalulla (WCAG 2.0 ja 2.1, tasot A ja AA) jokaisessa julkaisussa puhelimen ja tietokoneen näyttökoossa kolmella kielellä, sekä näppäimistöllä tehtävillä testeillä. Seloste on laadittu 28.11.2026.", "Tjänsten testas automatiskt med verktyget axe-core (WCAG 2.0 och 2.1, nivå A och AA) vid varje publicering, i mobil- och datorstorlek på tre språk, samt med tester som görs med tangentbordet. Utlåtandet har upprättats 28.11.2026.", "The service is tested automatically with axe-core (WCAG 2.0 and 2.1, levels A and AA) at every release, at phone and desktop sizes in three languages, and with keyboard-only tests. This statement was prepared on 28 November 2026."),
    StatementFeedbackHeading => ("Palaute ja yhteystiedot", "Respons och kontaktuppgifter", "Feedback and contact"),
    StatementFeedback => ("Huomasitko saavutettavuuspuutteen? Kerro siitä meille, niin korjaamme sen tai toimitamme tiedon muulla tavalla. Vastaamme 14 päivän kuluessa.", "Har du upptäckt en brist i tillgängligheten? Berätta för oss så åtgärdar vi den eller ger dig informationen på annat sätt. Vi svarar inom 14 dagar.", "Did you notice an accessibility problem? Tell us, and we will fix it or provide the information another way. We reply within 14 days."),
    StatementEnforcementHeading => ("Valvontaviranomainen", "Tillsynsmyndighet", "Enforcement"),
    StatementEnforcement => ("Jos et ole tyytyväinen saamaasi vastaukseen tai et saa vastausta kahden viikon aikana, voit tehdä ilmoituksen saavutettavuuden valvontaviranomaiselle. Valvontaviranomaisen ajantasaiset yhteystiedot ovat osoitteessa saavutettavuusvaatimukset.fi.", "Om du inte är nöjd med svaret eller inte får något svar inom två veckor kan du anmäla saken till tillsynsmyndigheten för tillgänglighet. Myndighetens aktuella kontaktuppgifter finns på webbplatsen tillganglighetskrav.fi.", "If you are not satisfied with the reply, or get none within two weeks, you can notify the accessibility supervisory authority. Its current contact details are at accessibilityrequirements.fi."),
    FeedbackEmail => ("Palautteen sähköpostiosoite", "E-postadress för respons", "Feedback email address"),
    OpenInApp => ("Avaa Kulttuurikartassa", "Öppna i Kulttuurikartta", "Open in Kulttuurikartta"),
    OpensInNewTab => ("avautuu uuteen välilehteen", "öppnas i en ny flik", "opens in a new tab"),
    ValidateLink => ("Tarkista syöte", "Kontrollera ett flöde", "Check a feed"),
    EmbedBuilder => ("Upota omalle sivulle", "Bädda in på din webbplats", "Embed on your site"),
    StillThere => ("Oletko vielä siellä?", "Är du kvar?", "Are you still there?"),
    TouchToContinue => ("Kosketa näyttöä jatkaaksesi.", "Rör vid skärmen för att fortsätta.", "Touch the screen to continue."),
    ResettingIn => ("Näkymä palaa alkuun {n} sekunnin kuluttua.", "Vyn återställs om {n} sekunder.", "The view returns to the start in {n} seconds."),
    Continue => ("Jatka", "Fortsätt", "Continue"),
    AttractTitle => ("Tällä viikolla", "Den här veckan", "This week"),
    AttractHint => ("Kosketa näyttöä ja tutki tapahtumia.", "Rör vid skärmen och utforska evenemangen.", "Touch the screen to explore the events."),
    StopShow => ("Pysäytä esittely", "Stoppa visningen", "Stop the show"),
    ScanForTickets => ("Skannaa: liput", "Skanna: biljetter", "Scan for tickets"),
    ScanForInfo => ("Skannaa: lisätietoja", "Skanna: mer information", "Scan for more information"),
    ScanToShare => ("Skannaa: avaa puhelimessa", "Skanna: öppna i telefonen", "Scan to open on your phone"),
    PanicTitle => ("Jokin meni vikaan", "Något gick fel", "Something went wrong"),
    PanicBody => ("Sovellus kohtasi virheen. Sivu latautuu uudelleen hetken kuluttua.", "Appen stötte på ett fel. Sidan laddas om om en stund.", "The app hit an error. The page will reload in a moment."),
    PanicReload => ("Lataa sivu uudelleen", "Ladda om sidan", "Reload the page"),
    Duration => ("Kesto", "Längd", "Duration"),
    EventLocationMap => ("Tapahtumapaikka kartalla", "Evenemangsplatsen på kartan", "The venue on a map"),
    StatsLink => ("Tilastot", "Statistik", "Statistics"),
    }
    // Only the publishers' pages (see `TOOLS_TEXTS`).
    tools {
    ValidateTitle => ("Tarkista tapahtumasyöte", "Kontrollera ett evenemangsflöde", "Check an event feed"),
    ValidateIntro => ("Tarkista syöte ennen julkaisua ja sen jälkeen: samat säännöt kuin kartalla ja haravointityökalun check-komennossa. Liitetty teksti ja valittu tiedosto luetaan vain selaimessasi, niitä ei lähetetä minnekään.", "Kontrollera flödet före och efter publiceringen: samma regler som på kartan och i insamlingsverktygets check-kommando. Inklistrad text och en vald fil läses bara i din webbläsare och skickas ingenstans.", "Check a feed before and after publishing it: the same rules as the map and the harvester's check command. Pasted text and a chosen file are read in your browser only and sent nowhere."),
    ValidatePaste => ("Liitä syöte (Linked Events tai schema.org JSON-LD)", "Klistra in flödet (Linked Events eller schema.org JSON-LD)", "Paste the feed (Linked Events or schema.org JSON-LD)"),
    ValidateFile => ("tai valitse tiedosto", "eller välj en fil", "or choose a file"),
    ValidateUrl => ("tai anna syötteen osoite", "eller ange flödets adress", "or give the feed's address"),
    ValidateRun => ("Tarkista", "Kontrollera", "Check"),
    ValidateResult => ("Tulos", "Resultat", "Result"),
    ValidateEventsRead => ("tapahtumaa luettu", "evenemang lästa", "events read"),
    ValidateErrors => ("virhettä", "fel", "errors"),
    ValidateWarnings => ("huomautusta", "anmärkningar", "warnings"),
    ValidateAllGood => ("Ei korjattavaa. Hienoa!", "Inget att rätta. Bra!", "Nothing to fix. Well done!"),
    ValidateError => ("Virhe", "Fel", "Error"),
    ValidateWarning => ("Huomautus", "Anmärkning", "Warning"),
    ValidateUnreadable => ("Syötettä ei voitu lukea", "Flödet kunde inte läsas", "The feed could not be read"),
    ValidateFetchFailed => ("Osoitetta ei saatu haettua. Sivuston pitää sallia lukeminen tältä sivustolta (CORS), tai syötteen pitää olla samassa palvelussa.", "Adressen kunde inte hämtas. Webbplatsen måste tillåta läsning härifrån (CORS), eller så ska flödet finnas i samma tjänst.", "The address could not be fetched. The site must allow reading it from here (CORS), or the feed must be on this service."),
    ValidatePreview => ("Näin tapahtumat näkyvät kartalla ja listassa", "Så här visas evenemangen på kartan och i listan", "How the events show on the map and in the list"),
    ValidateOnMap => ("tapahtumaa kartalla; loput ilman paikkaa (ne näkyvät listassa)", "evenemang på kartan; resten utan plats (de visas i listan)", "events on the map; the rest have no place (they show in the list)"),
    FixName => ("Anna tapahtumalle nimi ainakin yhdellä kielellä.", "Ge evenemanget ett namn på minst ett språk.", "Give the event a name in at least one language."),
    FixStart => ("Anna alkamisaika muodossa 2027-01-31T18:00:00+02:00 (Suomen aika, talvella +02:00, kesällä +03:00) tai pelkkä päivä 2027-01-31.", "Ange starttiden som 2027-01-31T18:00:00+02:00 (finsk tid, +02:00 på vintern, +03:00 på sommaren) eller bara dagen 2027-01-31.", "Give the start as 2027-01-31T18:00:00+02:00 (Finnish time, +02:00 in winter, +03:00 in summer) or a day alone, 2027-01-31."),
    FixEnd => ("Kerro päättymisaika, niin kävijä voi suunnitella iltansa.", "Ange sluttiden så att besökaren kan planera sin kväll.", "Give the end time, so a visitor can plan their evening."),
    FixLocation => ("Kerro paikka nimellä ja osoitteella, jossa on kunta (tai merkitse tapahtuma verkkotapahtumaksi). Koordinaatit sijoittavat sen kartalle tarkasti.", "Ange platsen med namn och adress som innehåller kommunen (eller märk evenemanget som ett webbevenemang). Koordinater placerar det exakt på kartan.", "Give the place by name and an address with its municipality (or mark the event as online). Coordinates put it exactly on the map."),
    FixDescription => ("Lisää lyhyt ja pidempi kuvaus: mitä, kenelle, miksi tulla.", "Lägg till en kort och en längre beskrivning: vad, för vem, varför komma.", "Add a short and a longer description: what, for whom, why come."),
    FixShortDescription => ("Lyhennä lyhyt kuvaus enintään 160 merkkiin; loput kuuluvat pitkään kuvaukseen.", "Korta den korta beskrivningen till högst 160 tecken; resten hör till den långa.", "Shorten the short description to 160 characters at most; the rest belongs in the long one."),
    FixImage => ("Lisää kuva ja sille vaihtoehtoinen teksti.", "Lägg till en bild och en alternativ text för den.", "Add an image, with an alternative text."),
    FixOffers => ("Kerro hinta tai merkitse tapahtuma maksuttomaksi (is_free).", "Ange priset eller märk evenemanget som avgiftsfritt (is_free).", "Give the price, or mark the event free (is_free)."),
    FixKeywords => ("Lisää asiasana (YSO), joka kertoo lajin: musiikki, teatteri, lapset…", "Lägg till ett ämnesord (YSO) som anger genren: musik, teater, barn…", "Add a keyword (YSO) that says the kind: music, theatre, children…"),
    FixId => ("Anna jokaiselle tapahtumalle oma, pysyvä id.", "Ge varje evenemang ett eget, bestående id.", "Give each event its own, lasting id."),
    FixOther => ("Katso viesti ja syötteen ohje (feed-format.md).", "Se meddelandet och flödesanvisningen (feed-format.md).", "See the message and the feed guide (feed-format.md)."),
    EmbedBuilderIntro => ("Valitse, mitä upotus näyttää, katso esikatselu ja kopioi koodi sivusi HTML-koodiin. Samat asetukset toimivat myös osoitteen parametreina.", "Välj vad inbäddningen visar, se förhandsvisningen och kopiera koden till din sidas HTML. Samma inställningar fungerar också som parametrar i adressen.", "Choose what the embed shows, check the preview and copy the code into your page's HTML. The same settings also work as parameters in the address."),
    DefaultWindow => ("Oletusajanjakso", "Standardperiod", "Default time window"),
    NoWindow => ("Kaikki tulevat", "Alla kommande", "All upcoming"),
    NextNDays => ("Seuraavat {n} päivää", "Nästa {n} dagar", "Next {n} days"),
    ViewLabel => ("Näkymä", "Vy", "View"),
    ViewMapTimeline => ("Kartta ja aikajana", "Karta och tidslinje", "Map and timeline"),
    ViewMap => ("Vain kartta", "Endast karta", "Map only"),
    ViewTimeline => ("Vain aikajana", "Endast tidslinje", "Timeline only"),
    ViewList => ("Vain luettelo", "Endast lista", "List only"),
    AccentColour => ("Korostusväri", "Accentfärg", "Accent colour"),
    AccentAdjusted => ("Väriä on tummennettu tai vaalennettu, jotta teksti on luettavaa (kontrasti vähintään 4,5:1).", "Färgen har gjorts mörkare eller ljusare så att texten går att läsa (kontrast minst 4,5:1).", "The colour was darkened or lightened so that text stays readable (contrast at least 4.5:1)."),
    ThemeLabel => ("Teema", "Tema", "Theme"),
    ThemeLight => ("Vaalea", "Ljust", "Light"),
    ThemeDark => ("Tumma", "Mörkt", "Dark"),
    HeightLabel => ("Korkeus (px)", "Höjd (px)", "Height (px)"),
    ShowFilterBar => ("Näytä haku ja rajaukset", "Visa sökning och filter", "Show search and filters"),
    AutoHeight => ("Korkeus mukautuu sisältöön (lisää pieni skripti)", "Höjden anpassas till innehållet (lägg till ett litet skript)", "Height follows the content (adds a small script)"),
    FrameTitle => ("Upotuksen otsikko ruudunlukijoille", "Inbäddningens rubrik för skärmläsare", "Title of the embed for screen readers"),
    Preview => ("Esikatselu", "Förhandsvisning", "Preview"),
    EmbedCode => ("Upotuskoodi", "Inbäddningskod", "Embed code"),
    CopyCode => ("Kopioi koodi", "Kopiera koden", "Copy code"),
    CodeCopied => ("Koodi kopioitu", "Koden kopierades", "Code copied"),
    StatsTitle => ("Kulttuuritarjonta lukuina", "Kulturutbudet i siffror", "The cultural offer in numbers"),
    StatsIntro => ("Tapahtumat kunnittain, asukaslukuun suhteutettuna, kuukausittain ja aiheittain. Rajaukset ja aikaväli ovat samat kuin kartalla, joten linkki tälle sivulle toistaa saman raportin.", "Evenemangen per kommun, i förhållande till invånarantalet, per månad och per kategori. Filtren och tidsperioden är desamma som på kartan, så en länk till sidan återger samma rapport.", "Events by municipality, per resident, by month and by category. The filters and the date range are the map's, so a link to this page reproduces the same report."),
    StatsScope => ("Rajaus", "Avgränsning", "Scope"),
    StatsAllEvents => ("kaikki tapahtumat", "alla evenemang", "all events"),
    StatsPeriod => ("Aikaväli", "Tidsperiod", "Date range"),
    StatsFrom => ("Alkaen", "Från", "From"),
    StatsTo => ("Päättyen", "Till", "To"),
    StatsThisYear => ("Tämä vuosi", "Detta år", "This year"),
    StatsLastYear => ("Viime vuosi", "Förra året", "Last year"),
    StatsOpenInExplorer => ("Näytä samat tapahtumat kartalla", "Visa samma evenemang på kartan", "Show the same events on the map"),
    StatsPrint => ("Tulosta raportti", "Skriv ut rapporten", "Print the report"),
    StatsByMunicipality => ("Kunnittain", "Per kommun", "By municipality"),
    StatsByMonth => ("Kuukausittain", "Per månad", "By month"),
    StatsByWeek => ("Viikoittain", "Per vecka", "By week"),
    StatsByCategory => ("Aiheittain", "Per kategori", "By category"),
    StatsMapTitle => ("Tapahtumia 1 000 asukasta kohden", "Evenemang per 1 000 invånare", "Events per 1,000 residents"),
    StatsMapCircles => ("Ympyrän ala kertoo tapahtumien määrän ja sävy määrän asukasta kohden.", "Cirkelns yta visar antalet evenemang och nyansen antalet per invånare.", "A circle's area shows the number of events, its shade the number per resident."),
    StatsChartNote => ("Samat luvut ovat taulukossa kaavion alla.", "Samma siffror finns i tabellen under diagrammet.", "The same figures are in the table below the chart."),
    StatsMapNote => ("Samat luvut ovat kuntataulukossa.", "Samma siffror finns i kommuntabellen.", "The same figures are in the municipality table."),
    StatsLegend => ("Selite", "Förklaring", "Legend"),
    StatsLegendNone => ("ei tapahtumia", "inga evenemang", "no events"),
    StatsLegendNoData => ("ei väkilukua", "ingen folkmängd", "no population figure"),
    StatsPopulation => ("Väkiluku", "Folkmängd", "Population"),
    StatsNoPopulation => ("Väkilukuja ei ole asetettu, joten asukaslukuun suhteutetut luvut eivät ole näkyvissä.", "Inga befolkningssiffror är angivna, så siffror per invånare visas inte.", "No population figures are set, so figures per resident are not shown."),
    StatsUndated => ("Ilman päivämäärää: siirretyt ja myöhemmin ilmoitettavat", "Utan datum: uppskjutna och de som meddelas senare", "Without a date: postponed, or to be announced"),
    StatsRulesTitle => ("Näin luvut lasketaan", "Så räknas siffrorna", "How the numbers are counted"),
    StatsRuleWindow => ("Tapahtuma lasketaan, kun kartta näyttäisi sen samalla osoitteella: se osuu aikavälille ja täyttää rajaukset. Kuntien, verkkotapahtumien ja alueen ulkopuolisten rivien summa on sama kuin kartan tapahtumamäärä, perutut pois lukien.", "Ett evenemang räknas när kartan skulle visa det med samma adress: det infaller under perioden och uppfyller filtren. Kommunerna, evenemangen på nätet och raden utanför regionen ger tillsammans kartans antal, de inställda undantagna.", "An event counts when the map would list it for the same address: it falls in the date range and meets the filters. The municipalities, online and outside the region add up to the map's count, cancelled events excepted."),
    StatsRuleCancelled => ("Peruttuja tapahtumia ei lasketa tarjonnaksi. Ne näkyvät omassa sarakkeessaan.", "Inställda evenemang räknas inte som utbud. De har en egen kolumn.", "Cancelled events are not counted as offer. They have their own column."),
    StatsRuleSeries => ("Toistuvan tapahtuman jokainen esityskerta lasketaan.", "Varje datum i en återkommande serie räknas.", "Each date of a recurring series counts."),
    StatsRuleMultiDay => ("Usean päivän tapahtuma lasketaan kerran, siinä kuukaudessa, jona se alkaa (tai aikavälin ensimmäisessä, jos se alkoi aiemmin). Sen päivät aikavälillä lasketaan erikseen tapahtumapäivinä.", "Ett evenemang som pågår flera dagar räknas en gång, i den månad det börjar (eller periodens första, om det började tidigare). Dess dagar under perioden räknas separat som evenemangsdagar.", "A multi-day event counts once, in the month it starts (or the range's first, if it began earlier). Its days within the range are counted separately as event days."),
    StatsRuleUndated => ("Siirretyt tapahtumat, joilla ei ole uutta päivää, luetellaan erikseen eikä niitä lasketa.", "Uppskjutna evenemang utan nytt datum listas separat och räknas inte.", "Postponed events without a new date are listed apart and not counted."),
    StatsRuleOnline => ("Verkkotapahtuma lasketaan järjestäjänsä kuntaan, kun järjestäjän nimestä näkyy kunta, muuten riville Verkossa.", "Ett evenemang på nätet räknas i arrangörens kommun när arrangörens namn visar kommunen, annars på raden På nätet.", "An online event counts in its organiser's municipality when the organiser's name shows it, else in the Online row."),
    StatsRuleDuplicates => ("Kahdessa syötteessä julkaistu sama tapahtuma (sama nimi, alku ja paikka) lasketaan kerran.", "Samma evenemang publicerat i två flöden (samma namn, start och plats) räknas en gång.", "The same event published in two feeds (same name, start and place) counts once."),
    StatsRuleShares => ("Osuudet ovat prosentteja kunnan tapahtumista. Lapsille ja perheille tarkoitetut ovat aiheeltaan lasten ja perheiden tai enintään 15-vuotiaille. Tapahtumalla voi olla monta aihetta, joten aiheiden osuudet voivat olla yhteensä yli 100 %.", "Andelarna är procent av kommunens evenemang. För barn och familjer är de med kategorin barn och familjer eller för högst 15-åringar. Ett evenemang kan ha flera kategorier, så kategoriandelarna kan bli över 100 % tillsammans.", "Shares are percentages of the municipality's events. Children and families means the children and families category or an audience up to 15 years. An event can have several categories, so category shares can add up to more than 100%."),
    StatsCsv => ("Lataa CSV", "Ladda ner CSV", "Download CSV"),
    StatsCsvHelp => ("CSV-tiedostot ovat UTF-8-muotoisia tunnisteella (BOM), jotta Excel näyttää ä- ja ö-kirjaimet oikein. Sarakkeet on erotettu puolipisteellä ja desimaalit pilkulla, koska suomenkielinen Excel odottaa niin.", "CSV-filerna är i UTF-8 med byteordningsmärke (BOM) så att Excel visar å, ä och ö rätt. Kolumnerna skiljs åt med semikolon och decimalerna med komma, eftersom Excel med finländska inställningar förväntar sig det.", "The CSV files are UTF-8 with a byte order mark, so that Excel shows Finnish letters right. In English they use commas between columns and decimal points; in Finnish and Swedish, semicolons and decimal commas, which Excel with Finnish settings expects."),
    SortBy => ("Järjestä sarakkeen mukaan", "Sortera efter kolumnen", "Sort by this column"),
    ColEvents => ("Tapahtumia", "Evenemang", "Events"),
    ColDays => ("Tapahtumapäiviä", "Evenemangsdagar", "Event days"),
    ColPer1000 => ("Tapahtumia / 1 000 asukasta", "Evenemang / 1 000 invånare", "Events per 1,000 residents"),
    ColFree => ("Maksuttomia %", "Gratis %", "Free %"),
    ColFamilies => ("Lapsille ja perheille %", "För barn och familjer %", "Children and families %"),
    ColOnline => ("Verkossa %", "På nätet %", "Online %"),
    ColCancelled => ("Peruttuja", "Inställda", "Cancelled"),
    ColShare => ("Osuus %", "Andel %", "Share %"),
    ColMonth => ("Kuukausi", "Månad", "Month"),
    ColWeek => ("Viikko", "Vecka", "Week"),
    ColTotal => ("Yhteensä", "Totalt", "Total"),
    ColElsewhere => ("Muualla", "Annanstans", "Elsewhere"),
    RowOutside => ("Alueen ulkopuolella tai paikka tuntematon", "Utanför regionen eller okänd plats", "Outside the region or place unknown"),
    RowOulu2026 => ("Oulu2026-kunnat", "Oulu2026-kommunerna", "Oulu2026 municipalities"),
    RowNotOulu2026 => ("Muut kunnat", "Övriga kommuner", "Other municipalities"),
    RowRegion => ("Koko alue, 38 kuntaa", "Hela regionen, 38 kommuner", "Whole region, 38 municipalities"),
    RowSelected => ("Valitut kunnat", "Valda kommuner", "Selected municipalities"),
    RowAll => ("Kaikki yhteensä", "Allt sammanlagt", "Grand total"),
    RowUncategorised => ("Ei aihetta", "Ingen kategori", "No category"),
    }
}
