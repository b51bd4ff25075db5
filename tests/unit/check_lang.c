/* Every built-in language: lookup by each of its codes, splitting and
 * summarizing a short native text, stopwords left out of the model, stems
 * equal to libstemmer's, and language identification ("auto"). */
#include "test_util.h"

#include <stdio.h>
#include <string.h>
#include <libstemmer.h>

#include "lang.h"
#include "model.h"
#include "strmap.h"
#include "summarizer.h"
#include "text.h"

/* Two sentences per language (joined by `sep`), written for these tests. */
typedef struct sample {
    const char *code, *code3, *name;
    const char *first, *second;
    const char *sep;
    const char *detected; /* what summ_detect_language() says */
    const char *detected_first; /* ... of the first sentence alone, when different */
} sample;

static const sample samples[] = {
    { "en", "eng", "english",
      "The city council decided on Tuesday to build a new library near the old harbour.",
      "The work will begin in the spring and the library will open next year.", " ", "en", NULL },
    { "am", "amh", "amharic",
      "የከተማው ምክር ቤት ማክሰኞ በአሮጌው ወደብ አጠገብ አዲስ ቤተ መጻሕፍት ለመገንባት ወሰነ።",
      "ሥራው በፀደይ ይጀምራል፣ ቤተ መጻሕፍቱም በሚቀጥለው ዓመት ይከፈታል።", " ", "am", NULL },
    { "ar", "ara", "arabic",
      "قرر المجلس البلدي يوم الثلاثاء بناء مكتبة جديدة بالقرب من الميناء القديم.",
      "ستبدأ الأعمال في الربيع وستفتح المكتبة في العام المقبل.", " ", "ar", NULL },
    { "hy", "hye", "armenian",
      "Քաղաքային խորհուրդը երեքշաբթի որոշեց նոր գրադարան կառուցել հին նավահանգստի մոտ։",
      "Աշխատանքները կսկսվեն գարնանը, և գրադարանը կբացվի հաջորդ տարի։", " ", "hy", NULL },
    { "eu", "eus", "basque",
      "Udalak asteartean erabaki zuen liburutegi berri bat eraikitzea portu zaharraren ondoan.",
      "Lanak udaberrian hasiko dira eta liburutegia datorren urtean irekiko da.", " ", "eu", NULL },
    { "bg", "bul", "bulgarian",
      "Общинският съвет реши във вторник да построи нова библиотека до старото пристанище.",
      "Работата ще започне през пролетта, а библиотеката ще отвори врати догодина.", " ", "bg", NULL },
    { "my", "mya", "burmese",
      "မြို့တော်ကောင်စီက အင်္ဂါနေ့တွင် ဆိပ်ကမ်းဟောင်းအနီး စာကြည့်တိုက်အသစ် ဆောက်ရန် ဆုံးဖြတ်ခဲ့သည်။",
      "လုပ်ငန်းကို နွေဦးတွင် စတင်မည်ဖြစ်ပြီး စာကြည့်တိုက်ကို နောက်နှစ်တွင် ဖွင့်မည်။", " ", "my", NULL },
    { "ca", "cat", "catalan",
      "L'ajuntament va decidir dimarts construir una nova biblioteca a prop del port vell.",
      "Les obres començaran a la primavera i la biblioteca obrirà l'any que ve.", " ", "ca",
      /* A known weakness: stopwords-iso's Catalan list is small. */
      "pt" },
    { "zh", "zho", "chinese", "市议会星期二决定在旧港口附近建一座新图书馆。",
      "工程将于春天开始，我们的图书馆明年开放。", "", "zh", NULL },
    { "cs", "ces", "czech",
      "Městská rada v úterý rozhodla, že postaví novou knihovnu u starého přístavu.",
      "Práce začnou na jaře a knihovna se otevře příští rok.", " ", "cs", NULL },
    { "da", "dan", "danish",
      "Byrådet besluttede i tirsdags at bygge et nyt bibliotek ved den gamle havn.",
      "Arbejdet begynder til foråret, og biblioteket åbner næste år.", " ", "da", NULL },
    { "nl", "nld", "dutch",
      "De gemeenteraad heeft dinsdag besloten een nieuwe bibliotheek bij de oude haven te "
      "bouwen.",
      "Het werk begint in het voorjaar en de bibliotheek gaat volgend jaar open.", " ", "nl", NULL },
    { "fi", "fin", "finnish",
      "Kaupunginvaltuusto päätti tiistaina, että se rakentaa uuden kirjaston vanhan sataman "
      "lähelle.",
      "Työt alkavat keväällä, ja kirjasto on auki ensi vuonna.", " ", "fi", NULL },
    { "fr", "fra", "french",
      "Le conseil municipal a décidé mardi de construire une nouvelle bibliothèque près du "
      "vieux port.",
      "Les travaux commenceront au printemps et la bibliothèque ouvrira l'année prochaine.",
      " ", "fr", NULL },
    { "de", "deu", "german",
      "Der Stadtrat hat am Dienstag beschlossen, eine neue Bibliothek am alten Hafen zu bauen.",
      "Die Arbeiten beginnen im Frühjahr, und die Bibliothek wird im nächsten Jahr eröffnet.",
      " ", "de", NULL },
    { "el", "ell", "greek",
      "Το δημοτικό συμβούλιο αποφάσισε την Τρίτη να χτίσει μια νέα βιβλιοθήκη κοντά στο παλιό "
      "λιμάνι.",
      "Οι εργασίες θα αρχίσουν την άνοιξη και η βιβλιοθήκη θα ανοίξει του χρόνου.", " ", "el", NULL },
    { "hi", "hin", "hindi",
      "नगर परिषद ने मंगलवार को पुराने बंदरगाह के पास एक नया पुस्तकालय बनाने का फैसला किया।",
      "काम वसंत में शुरू होगा और पुस्तकालय अगले साल खुलेगा।", " ", "hi", NULL },
    { "hu", "hun", "hungarian",
      "A városi közgyűlés kedden úgy döntött, hogy új könyvtárat épít a régi kikötő mellett.",
      "A munka tavasszal kezdődik, és a könyvtár jövőre nyílik meg.", " ", "hu", NULL },
    { "id", "ind", "indonesian",
      "Dewan kota memutuskan pada hari Selasa untuk membangun perpustakaan baru di dekat "
      "pelabuhan lama.",
      "Pekerjaan akan dimulai pada musim semi dan perpustakaan itu akan dibuka tahun depan.",
      " ", "id", NULL },
    { "ga", "gle", "irish",
      "Chinn an chomhairle cathrach Dé Máirt leabharlann nua a thógáil in aice leis an "
      "seanchuan.",
      "Tosóidh an obair san earrach agus osclófar an leabharlann an bhliain seo chugainn.", " ",
      "ga", NULL },
    { "it", "ita", "italian",
      "Il consiglio comunale ha deciso martedì di costruire una nuova biblioteca vicino al "
      "porto vecchio.",
      "I lavori inizieranno in primavera e la biblioteca aprirà il prossimo anno.", " ", "it", NULL },
    { "ja", "jpn", "japanese", "市議会は火曜日、古い港の近くに新しい図書館を建てることを決めた。",
      "工事は春に始まり、図書館は来年開館する。", "", "ja", NULL },
    { "kk", "kaz", "kazakh",
      "Қалалық кеңес сейсенбі күні ескі порттың жанынан жаңа кітапхана салуға шешім қабылдады.",
      "Жұмыс көктемде басталады және кітапхана келесі жылы ашылады.", " ", "kk", NULL },
    { "ko", "kor", "korean", "시의회는 화요일에 옛 항구 근처에 새 도서관을 짓기로 결정했다.",
      "공사는 봄에 시작되며 그들은 내년에 도서관 문을 연다.", " ", "ko", NULL },
    { "lt", "lit", "lithuanian",
      "Miesto taryba antradienį nusprendė pastatyti naują biblioteką prie senojo uosto.",
      "Darbai prasidės pavasarį, o biblioteka bus atidaryta kitais metais.", " ", "lt", NULL },
    { "mr", "mar", "marathi",
      "नगर परिषदेने मंगळवारी जुन्या बंदराजवळ नवीन ग्रंथालय बांधण्याचा निर्णय घेतला.",
      "काम वसंत ऋतूत सुरू होईल आणि ग्रंथालय पुढच्या वर्षी उघडेल.", " ", "mr", NULL },
    { "ne", "nep", "nepali",
      "नगर परिषदले मंगलबार पुरानो बन्दरगाह नजिकै नयाँ पुस्तकालय बनाउने निर्णय गर्यो।",
      "काम वसन्तमा सुरु हुनेछ र पुस्तकालय अर्को वर्ष खुल्नेछ।", " ", "ne", NULL },
    { "no", "nor", "norwegian",
      "Bystyret vedtok på tirsdag å bygge et nytt bibliotek ved den gamle havna.",
      "Arbeidet starter til våren, og biblioteket skal åpne neste år.", " ", "no", NULL },
    { "fa", "fas", "persian",
      "شورای شهر روز سه‌شنبه تصمیم گرفت یک کتابخانه جدید در نزدیکی بندر قدیمی بسازد.",
      "کار در بهار آغاز می‌شود و کتابخانه سال آینده باز خواهد شد.", " ", "fa", NULL },
    { "pl", "pol", "polish",
      "Rada miasta postanowiła we wtorek zbudować nową bibliotekę obok starego portu.",
      "Prace rozpoczną się wiosną, a biblioteka zostanie otwarta w przyszłym roku.", " ", "pl", NULL },
    { "pt", "por", "portuguese",
      "A câmara municipal decidiu na terça-feira construir uma nova biblioteca perto do porto "
      "antigo.",
      "As obras começam na primavera e a biblioteca vai abrir no próximo ano.", " ", "pt", NULL },
    { "ro", "ron", "romanian",
      "Consiliul local a decis marți să construiască o nouă bibliotecă lângă portul vechi.",
      "Lucrările vor începe în primăvară, iar biblioteca se va deschide anul viitor.", " ",
      "ro", NULL },
    { "ru", "rus", "russian",
      "Городской совет во вторник решил построить новую библиотеку рядом со старым портом.",
      "Работы начнутся весной, и библиотека откроется в следующем году.", " ", "ru", NULL },
    { "sr", "srp", "serbian",
      "Градско веће је у уторак одлучило да изгради нову библиотеку поред старе луке.",
      "Радови ће почети на пролеће, а библиотека ће бити отворена следеће године.", " ", "sr", NULL },
    { "sk", "slk", "slovak",
      "Mestská rada v utorok rozhodla, že postaví novú knižnicu pri starom prístave.",
      "Práce sa začnú na jar a knižnica sa otvorí budúci rok.", " ", "sk", NULL },
    { "es", "spa", "spanish",
      "El ayuntamiento decidió el martes construir una nueva biblioteca cerca del puerto viejo.",
      "Las obras empezarán en la primavera y la biblioteca abrirá el próximo año.", " ", "es", NULL },
    { "sv", "swe", "swedish",
      "Kommunfullmäktige beslutade i tisdags att bygga ett nytt bibliotek vid den gamla "
      "hamnen.",
      "Arbetet börjar i vår och biblioteket ska öppna nästa år.", " ", "sv", NULL },
    { "ta", "tam", "tamil",
      "நகர சபை செவ்வாய்க்கிழமை பழைய துறைமுகத்தின் அருகே புதிய நூலகம் கட்ட முடிவு செய்தது.",
      "பணிகள் வசந்த காலத்தில் தொடங்கும், நூலகம் அடுத்த ஆண்டு திறக்கப்படும்.", " ", "ta", NULL },
    { "th", "tha", "thai", "สภาเมืองตัดสินใจเมื่อวันอังคารว่าจะสร้างห้องสมุดแห่งใหม่ใกล้ท่าเรือเก่า",
      "งานก่อสร้างจะเริ่มในฤดูใบไม้ผลิและห้องสมุดจะเปิดในปีหน้า", "\n\n", "th", NULL },
    { "tr", "tur", "turkish",
      "Belediye meclisi salı günü eski limanın yanına yeni bir kütüphane yapılmasına karar "
      "verdi.",
      "Çalışmalar ilkbaharda başlayacak ve kütüphane gelecek yıl açılacak.", " ", "tr", NULL },
    { "uk", "ukr", "ukrainian",
      "Міська рада у вівторок вирішила збудувати нову бібліотеку біля старого порту.",
      "Роботи почнуться навесні, та бібліотека відкриється вже наступного року.", " ", "uk", NULL },
    { "ur", "urd", "urdu",
      "شہر کی کونسل نے منگل کو پرانی بندرگاہ کے قریب ایک نئی لائبریری بنانے کا فیصلہ کیا۔",
      "کام بہار میں شروع ہوگا اور لائبریری اگلے سال کھلے گی۔", " ", "ur", NULL },
    { "yi", "yid", "yiddish",
      "דער שטאָטראַט האָט דינסטיק באַשלאָסן צו בויען אַ נייַע ביבליאָטעק לעבן דעם אַלטן פּאָרט.",
      "די אַרבעט וועט אָנהייבן אין פֿרילינג, און די ביבליאָטעק וועט זיך עפֿענען קומענדיק יאָר.", " ",
      "yi", NULL },
    { "en-porter", NULL, "porter",
      "The city councillors decided on Tuesday to build a new library near the old harbour.",
      "The work will begin in the spring and the library will open next year.", " ", "en", NULL },
    /* Vietnamese: a language without resources here, handled generically. */
    { "und", NULL, "undetermined",
      "Hội đồng thành phố đã quyết định vào thứ Ba xây dựng một thư viện mới gần cảng cũ.",
      "Công việc sẽ bắt đầu vào mùa xuân và thư viện sẽ mở cửa vào năm tới.", " ",
      "und", NULL },
};

#define N_SAMPLES (sizeof samples / sizeof samples[0])

static char text_buf[2048];

static const char *sample_text(const sample *sm)
{
    size_t n = (size_t)snprintf(text_buf, sizeof text_buf, "%s%s%s", sm->first, sm->sep,
                                sm->second);
    ck_assert_uint_lt(n, sizeof text_buf);
    return text_buf;
}

/* The code a language object reports: English with the Porter stemmer is
 * still "en". */
static const char *canonical(const sample *sm)
{
    return strcmp(sm->code, "en-porter") == 0 ? "en" : sm->code;
}

static void span_is(const char *text, const summ_span *sp, const char *want)
{
    size_t len = sp->end - sp->start;
    ck_assert_msg(len == strlen(want) && memcmp(text + sp->start, want, len) == 0,
                  "span '%.*s' is not '%s'", (int)len, text + sp->start, want);
}

START_TEST(every_stemmer_is_covered)
{
    const char **algo = sb_stemmer_list();
    for (; *algo; algo++) {
        const summ__lang_info *info = summ__lang_lookup(*algo);
        ck_assert_msg(info != NULL, "no language for libstemmer's %s", *algo);
        ck_assert_str_eq(info->stemmer, *algo);
    }
}
END_TEST

START_TEST(aliases)
{
    ck_assert_ptr_eq(summ__lang_lookup("NB"), summ__lang_lookup("no"));
    ck_assert_ptr_eq(summ__lang_lookup("nob"), summ__lang_lookup("no"));
    ck_assert_ptr_eq(summ__lang_lookup("zxx"), summ__lang_lookup("und"));
    ck_assert_ptr_null(summ__lang_lookup("auto"));
    ck_assert_ptr_null(summ__lang_lookup("xx"));
}
END_TEST

START_TEST(list_matches_table)
{
    const char *const *codes = summ_lang_list();
    size_t n = 0, k;
    /* Every listed code names its own table entry. */
    for (; codes[n]; n++) {
        const summ__lang_info *info = summ__lang_lookup(codes[n]);
        ck_assert_ptr_nonnull(info);
        ck_assert_uint_eq(summ__lang_index(info), n);
        if (strcmp(codes[n], "en-porter") != 0)
            ck_assert_str_eq(info->code, codes[n]);
    }
    k = summ__lang_index(summ__lang_lookup("en-porter"));
    ck_assert_str_eq(summ__lang_at(k)->code, "en");
    ck_assert_str_eq(summ__lang_at(k)->stemmer, "porter");
    ck_assert_uint_eq(n, summ__lang_count());
    ck_assert_uint_eq(n, N_SAMPLES);
}
END_TEST

static void lookup_by_every_code(const sample *sm)
{
    summ_lang *l = NULL;
    ck_assert_int_eq(summ_lang_new(&l, sm->code, NULL), 0);
    ck_assert_str_eq(summ_lang_code(l), canonical(sm));
    ck_assert_str_eq(summ_lang_name(l), sm->name);
    summ_lang_free(l);
    if (sm->code3) {
        ck_assert_ptr_eq(summ__lang_lookup(sm->code3), summ__lang_lookup(sm->code));
    }
    ck_assert_ptr_eq(summ__lang_lookup(sm->name), summ__lang_lookup(sm->code));
}

/* The model's term count with and without stopwords. */
static size_t n_terms(summ_summarizer *s, const char *text, uint32_t flags)
{
    summ_options o = SUMM_OPTIONS_INIT;
    summ_result *r = NULL;
    o.flags = flags;
    ck_assert_int_eq(summ_summarizer_set_options(s, &o), 0);
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    ck_assert_int_eq(summ_score_sentences(s, text, strlen(text), r), 0);
    ck_assert_uint_eq(summ_result_count(r), 2);
    summ_result_free(r);
    return s->model.n_terms;
}

typedef struct stem_check {
    summ_summarizer *s;
    struct sb_stemmer *ref;
    size_t checked;
} stem_check;

static int check_stem(void *ud, size_t start, size_t end, const char *folded, size_t len)
{
    stem_check *c = ud;
    const sb_symbol *st;
    uint32_t id;
    (void)start;
    (void)end;
    if (summ__strmap_get(&c->s->active->stopwords, folded, len, NULL))
        return 0;
    st = sb_stemmer_stem(c->ref, (const sb_symbol *)folded, (int)len);
    ck_assert_ptr_nonnull(st);
    if (sb_stemmer_length(c->ref) == 0)
        return 0;
    ck_assert_msg(summ__strmap_get(&c->s->lexicon.stems, (const char *)st,
                                   (size_t)sb_stemmer_length(c->ref), &id) &&
                      summ__model_term_of_stem(&c->s->model, id) != SUMM__NO_TERM,
                  "stem of '%.*s' missing", (int)len, folded);
    c->checked++;
    return 0;
}

static void native_text_is_split_and_summarized(const sample *sm)
{
    const char *text = sample_text(sm);
    summ_lang *l = NULL;
    summ_summarizer *s = NULL;
    summ_result *r = NULL;
    summ_options o = SUMM_OPTIONS_INIT;

    ck_assert_int_eq(summ_lang_new(&l, sm->code, NULL), 0);
    ck_assert_int_eq(summ_summarizer_new(&s, l, NULL, NULL), 0);
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);

    /* Sentences stay whole. */
    ck_assert_int_eq(summ_split_sentences(s, text, strlen(text), r), 0);
    ck_assert_uint_eq(summ_result_count(r), 2);
    span_is(text, &summ_result_spans(r)[0], sm->first);
    span_is(text, &summ_result_spans(r)[1], sm->second);

    /* A one-sentence summary is one of them, with content terms scored. */
    o.max_sentences = 1;
    ck_assert_int_eq(summ_summarizer_set_options(s, &o), 0);
    ck_assert_int_eq(summ_summarize(s, text, strlen(text), r), 0);
    ck_assert_uint_eq(summ_result_count(r), 1);
    ck_assert_str_eq(summ_result_language(r), canonical(sm));
    ck_assert(summ_result_spans(r)[0].score > 0);
    span_is(text, &summ_result_spans(r)[0],
            summ_result_spans(r)[0].sentence == 0 ? sm->first : sm->second);

    /* Stopwords are left out of the model where the language has a list. */
    if (summ__lang_lookup(sm->code)->stopwords[0]) {
        ck_assert_uint_lt(n_terms(s, text, 0), n_terms(s, text, SUMM_FLAG_KEEP_STOPWORDS));
    } else {
        ck_assert_uint_eq(n_terms(s, text, 0), n_terms(s, text, SUMM_FLAG_KEEP_STOPWORDS));
    }

    /* Stems are libstemmer's. */
    if (summ__lang_lookup(sm->code)->stemmer) {
        stem_check c;
        c.s = s;
        c.checked = 0;
        c.ref = sb_stemmer_new(summ__lang_lookup(sm->code)->stemmer, "UTF_8");
        ck_assert_ptr_nonnull(c.ref);
        n_terms(s, text, 0);
        ck_assert_int_eq(summ__tokenize(text, 0, strlen(text), &s->fold, check_stem, &c), 0);
        ck_assert_uint_gt(c.checked, 3);
        sb_stemmer_delete(c.ref);
    }
    summ_result_free(r);
    summ_summarizer_free(s);
    summ_lang_free(l);
}

static void native_text_is_detected(const sample *sm)
{
    const char *text = sample_text(sm);
    const char *code = NULL;

    ck_assert_int_eq(summ_detect_language(&code, text, strlen(text), NULL), 0);
    ck_assert_str_eq(code, sm->detected);
    /* One sentence is enough too. */
    ck_assert_int_eq(summ_detect_language(&code, sm->first, strlen(sm->first), NULL), 0);
    ck_assert_str_eq(code, sm->detected_first ? sm->detected_first : sm->detected);
}

/* One test per language (each Check test forks, which is slow under the
 * sanitizers: one fork covers all of a language's checks). */
START_TEST(each_language)
{
    lookup_by_every_code(&samples[_i]);
    native_text_is_split_and_summarized(&samples[_i]);
    native_text_is_detected(&samples[_i]);
}
END_TEST

START_TEST(auto_switches_language_per_text)
{
    summ_lang *l = NULL;
    summ_summarizer *s = NULL;
    summ_result *r = NULL;
    const char *extra[] = { "bibliothek" };
    summ_lang_config cfg = SUMM_LANG_CONFIG_INIT;
    size_t i;

    cfg.extra_stopwords = extra;
    cfg.n_extra_stopwords = 1;
    ck_assert_int_eq(summ_lang_new_ex(&l, "AUTO", &cfg, NULL), 0);
    ck_assert_int_eq(summ_summarizer_new(&s, l, NULL, NULL), 0);
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    ck_assert_str_eq(summ_lang_code(l), "auto");
    /* Through an "auto" language, the summarizer uses and reports each
     * text's language, switching from text to text. */
    for (i = 0; i < 2 * N_SAMPLES; i++) {
        const sample *sm = &samples[(i * 7) % N_SAMPLES];
        const char *text = sample_text(sm);
        ck_assert_int_eq(summ_summarize(s, text, strlen(text), r), 0);
        ck_assert_str_eq(summ_result_language(r), sm->detected);
        ck_assert_str_eq(summ_lang_code(s->active), sm->detected);
        ck_assert_uint_eq(summ_result_sentence_total(r), 2);
    }
    /* The caller's words reach every sub-language. */
    ck_assert(summ_lang_is_stopword(l, "Bibliothek", 10));
    ck_assert(summ__strmap_get(&l->subs[summ__lang_index(summ__lang_lookup("de"))]->stopwords,
                               "bibliothek", 10, NULL));
    /* Empty text has no language. */
    ck_assert_int_eq(summ_summarize(s, "", 0, r), 0);
    ck_assert_str_eq(summ_result_language(r), "und");
    summ_result_free(r);
    summ_summarizer_free(s);
    summ_lang_free(l);
}
END_TEST

START_TEST(detect_edge_cases)
{
    const char *code = "x";
    ck_assert_int_eq(summ_detect_language(NULL, "a", 1, NULL), SUMM_E_INVALID_ARG);
    ck_assert_int_eq(summ_detect_language(&code, NULL, 1, NULL), SUMM_E_INVALID_ARG);
    ck_assert_ptr_null(code);
    ck_assert_int_eq(summ_detect_language(&code, NULL, 0, NULL), 0);
    ck_assert_str_eq(code, "und");
    ck_assert_int_eq(summ_detect_language(&code, "1234 5678 !!", 12, NULL), 0);
    ck_assert_str_eq(code, "und");
    /* Invalid bytes are skipped. */
    {
        static const char bad[] = "the \xff\xfe cat is on the mat";
        ck_assert_int_eq(summ_detect_language(&code, bad, sizeof bad - 1, NULL), 0);
    }
    ck_assert_str_eq(code, "en");
    /* Hebrew is not Yiddish: it has no resources here. */
    {
        static const char he[] = "מועצת העיר החליטה ביום שלישי לבנות ספרייה חדשה ליד הנמל הישן. "
                                 "הוא אמר כי זה יום חשוב לכל התושבים של העיר.";
        ck_assert_int_eq(summ_detect_language(&code, he, sizeof he - 1, NULL), 0);
        ck_assert_str_eq(code, "und");
    }
    /* Kana among Han make Japanese; Han alone Chinese. */
    ck_assert_int_eq(summ_detect_language(&code, "東京都の天気", strlen("東京都の天気"), NULL), 0);
    ck_assert_str_eq(code, "ja");
    ck_assert_int_eq(summ_detect_language(&code, "东京天气很好", strlen("东京天气很好"), NULL), 0);
    ck_assert_str_eq(code, "zh");
}
END_TEST

START_TEST(detect_reads_a_prefix_of_long_text)
{
    /* A long German text, then English: the first 16 KiB decide. */
    static char big[40000];
    const char *de = "Die Arbeiten beginnen im Frühjahr, und die Bibliothek wird eröffnet. ";
    const char *en = "The work will begin in the spring and the library will open. ";
    size_t pos = 0, n;
    const char *code;
    while (pos + strlen(de) < 20000) {
        memcpy(big + pos, de, strlen(de));
        pos += strlen(de);
    }
    while (pos + strlen(en) < sizeof big) {
        memcpy(big + pos, en, strlen(en));
        pos += strlen(en);
    }
    n = pos;
    ck_assert_int_eq(summ_detect_language(&code, big, n, NULL), 0);
    ck_assert_str_eq(code, "de");
    ck_assert_int_eq(summ_detect_language(&code, big + 20000, n - 20000, NULL), 0);
    ck_assert_str_eq(code, "en");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("lang");
    TCase *tc = tcase_create("languages");
    tcase_add_test(tc, every_stemmer_is_covered);
    tcase_add_test(tc, aliases);
    tcase_add_test(tc, list_matches_table);
    tcase_add_loop_test(tc, each_language, 0, (int)N_SAMPLES);
    tcase_add_test(tc, auto_switches_language_per_text);
    tcase_add_test(tc, detect_edge_cases);
    tcase_add_test(tc, detect_reads_a_prefix_of_long_text);
    suite_add_tcase(s, tc);
    return test_run_suite(s);
}
