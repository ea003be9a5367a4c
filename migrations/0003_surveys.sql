-- Citizen surveys (市民意識調査) and the figures the DX plan quotes from them.
--
-- Only counts are stored: every ratio, interval and rank is derived on read, so the served
-- percentages can never drift from the counts they claim to summarise.
-- These tables stand alone: nothing here references the plan tables, so a survey can be added
-- (POST /api/v1/surveys) without touching the plan, and the plan can be reloaded without
-- touching surveys.
-- No BEGIN/COMMIT here: the migrator runs each file in its own transaction.

CREATE TABLE surveys (
    -- The survey's edition number doubles as its id (第15回 → 15), the way the city cites it.
    id                INTEGER PRIMARY KEY CHECK (id > 0),
    edition           INTEGER NOT NULL UNIQUE CHECK (edition > 0),
    title             TEXT    NOT NULL CHECK (length(title) > 0),
    fiscal_year       INTEGER NOT NULL CHECK (fiscal_year BETWEEN 1900 AND 9999),
    fiscal_year_label TEXT    NOT NULL DEFAULT '',
    summary           TEXT    NOT NULL DEFAULT '',
    area              TEXT    NOT NULL CHECK (length(area) > 0),
    target            TEXT    NOT NULL CHECK (length(target) > 0),
    sample_size       INTEGER NOT NULL CHECK (sample_size > 0),
    respondents       INTEGER NOT NULL CHECK (respondents > 0),
    method            TEXT    NOT NULL CHECK (length(method) > 0),
    -- ISO dates as text. date() alone accepts 2021-02-30; adding '+0 days' normalises it to
    -- 2021-03-02, so only a real calendar date equals its own normal form.
    period_start      TEXT    NOT NULL CHECK (period_start = date(period_start, '+0 days')),
    period_end        TEXT    NOT NULL CHECK (period_end = date(period_end, '+0 days')),
    period_label      TEXT    NOT NULL CHECK (length(period_label) > 0),
    CHECK (respondents <= sample_size),
    CHECK (period_start <= period_end)
) STRICT;

CREATE TABLE survey_profile_categories (
    survey_id INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    dimension TEXT    NOT NULL CHECK (dimension IN ('gender', 'age')),
    position  INTEGER NOT NULL CHECK (position > 0),
    label     TEXT    NOT NULL CHECK (length(label) > 0),
    count     INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (survey_id, dimension, position),
    UNIQUE (survey_id, dimension, label)
) STRICT;

CREATE TABLE survey_questions (
    survey_id        INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    number           INTEGER NOT NULL CHECK (number > 0),
    text             TEXT    NOT NULL CHECK (length(text) > 0),
    multiple_answers INTEGER NOT NULL CHECK (multiple_answers IN (0, 1)),
    PRIMARY KEY (survey_id, number)
) STRICT;

CREATE TABLE survey_options (
    survey_id       INTEGER NOT NULL,
    question_number INTEGER NOT NULL,
    -- NULL marks the no-answer row (無回答): it is counted like an option but is not one the
    -- respondent could choose, so it has no number and is never ranked.
    number          INTEGER CHECK (number IS NULL OR number > 0),
    label           TEXT    NOT NULL CHECK (length(label) > 0),
    count           INTEGER NOT NULL CHECK (count >= 0),
    UNIQUE (survey_id, question_number, number),
    FOREIGN KEY (survey_id, question_number)
        REFERENCES survey_questions (survey_id, number) ON DELETE CASCADE
) STRICT;

-- UNIQUE above treats NULLs as distinct, so it alone would allow two no-answer rows.
CREATE UNIQUE INDEX survey_options_one_no_answer
    ON survey_options (survey_id, question_number) WHERE number IS NULL;

-- The city's stated response to a top answer (the ⇒ paragraphs under 1位/2位).
CREATE TABLE survey_responses (
    survey_id       INTEGER NOT NULL,
    question_number INTEGER NOT NULL,
    position        INTEGER NOT NULL CHECK (position > 0),
    rank            INTEGER NOT NULL CHECK (rank > 0),
    -- Kept exactly as the seed prints it, even where it differs from the option label.
    heading         TEXT    NOT NULL CHECK (length(heading) > 0),
    text            TEXT    NOT NULL CHECK (length(text) > 0),
    -- The option the heading names, so a client can link the response to its bar.
    option_number   INTEGER,
    PRIMARY KEY (survey_id, question_number, position),
    FOREIGN KEY (survey_id, question_number)
        REFERENCES survey_questions (survey_id, number) ON DELETE CASCADE,
    FOREIGN KEY (survey_id, question_number, option_number)
        REFERENCES survey_options (survey_id, question_number, number)
) STRICT;

CREATE TABLE survey_response_items (
    survey_id         INTEGER NOT NULL,
    question_number   INTEGER NOT NULL,
    response_position INTEGER NOT NULL,
    position          INTEGER NOT NULL CHECK (position > 0),
    text              TEXT    NOT NULL CHECK (length(text) > 0),
    PRIMARY KEY (survey_id, question_number, response_position, position),
    FOREIGN KEY (survey_id, question_number, response_position)
        REFERENCES survey_responses (survey_id, question_number, position) ON DELETE CASCADE
) STRICT;

-- A count above the number of respondents is impossible whatever the question; CHECK cannot
-- look at another table, so triggers hold that line for rows written outside SurveyStore.
CREATE TRIGGER survey_profile_count_within_respondents
BEFORE INSERT ON survey_profile_categories
WHEN NEW.count > (SELECT respondents FROM surveys WHERE id = NEW.survey_id)
BEGIN
    SELECT RAISE(ABORT, 'survey profile count exceeds respondents');
END;

CREATE TRIGGER survey_profile_count_update_within_respondents
BEFORE UPDATE OF count ON survey_profile_categories
WHEN NEW.count > (SELECT respondents FROM surveys WHERE id = NEW.survey_id)
BEGIN
    SELECT RAISE(ABORT, 'survey profile count exceeds respondents');
END;

CREATE TRIGGER survey_option_count_within_respondents
BEFORE INSERT ON survey_options
WHEN NEW.count > (SELECT respondents FROM surveys WHERE id = NEW.survey_id)
BEGIN
    SELECT RAISE(ABORT, 'survey option count exceeds respondents');
END;

CREATE TRIGGER survey_option_count_update_within_respondents
BEFORE UPDATE OF count ON survey_options
WHEN NEW.count > (SELECT respondents FROM surveys WHERE id = NEW.survey_id)
BEGIN
    SELECT RAISE(ABORT, 'survey option count exceeds respondents');
END;

CREATE TRIGGER survey_respondents_cover_counts
BEFORE UPDATE OF respondents ON surveys
WHEN NEW.respondents < (
    SELECT max(count) FROM (
        SELECT count FROM survey_profile_categories WHERE survey_id = NEW.id
        UNION ALL
        SELECT count FROM survey_options WHERE survey_id = NEW.id
    )
)
BEGIN
    SELECT RAISE(ABORT, 'survey respondents below a stored count');
END;

-- Seed: 都城市DX推進計画, 参考「本市におけるデジタル化の調査」.
-- Figures and labels transcribed from the seed; the seed's percentages are not stored (they are
-- recomputed from these counts and a test checks each against the seed).

INSERT INTO surveys (id, edition, title, fiscal_year, fiscal_year_label, summary, area, target,
                     sample_size, respondents, method, period_start, period_end, period_label)
VALUES (15, 15, '第15回都城市市民意識調査', 2021, '令和3年度',
        '令和3年度に実施した第15回都城市市民意識調査の2項目において、「デジタル化」に関する調査を実施しました。',
        '都城市全域', '市民から無作為抽出', 3000, 1201, '郵送自署式もしくはWeb回答方式',
        '2021-06-08', '2021-07-16', '令和3年（2021年）6月8日（火）～7月16日（金）');

INSERT INTO survey_profile_categories (survey_id, dimension, position, label, count) VALUES
    (15, 'gender', 1, '男性', 441),
    (15, 'gender', 2, '女性', 736),
    (15, 'gender', 3, 'その他', 24),
    (15, 'age', 1, '10代', 5),
    (15, 'age', 2, '20代', 74),
    (15, 'age', 3, '30代', 133),
    (15, 'age', 4, '40代', 182),
    (15, 'age', 5, '50代', 195),
    (15, 'age', 6, '60代', 292),
    (15, 'age', 7, '70代以上', 304),
    (15, 'age', 8, 'その他', 16);

-- The seed appends 「(複数回答可)」 to each question; that is what multiple_answers = 1 records.
INSERT INTO survey_questions (survey_id, number, text, multiple_answers) VALUES
    (15, 1, 'デジタル化が進むにあたり、市役所に期待することは何ですか。', 1),
    (15, 2, 'デジタル化が進むにあたり、不安に思うことは何ですか。', 1);

INSERT INTO survey_options (survey_id, question_number, number, label, count) VALUES
    (15, 1, 1, '市民サービスの向上', 569),
    (15, 1, 2, '行政手続きの簡素化', 660),
    (15, 1, 3, '地域産業の活性化', 173),
    (15, 1, 4, '教育分野のデジタル化', 158),
    (15, 1, 5, 'キャッシュレスの推進', 158),
    (15, 1, 6, '特にない', 112),
    (15, 1, 7, 'わからない', 139),
    (15, 1, 8, 'その他', 23),
    (15, 1, NULL, '無回答', 26),
    (15, 2, 1, 'デジタル機器(技術)への適応', 500),
    (15, 2, 2, '人とのふれあいが無くなる', 235),
    (15, 2, 3, '個人情報やプライバシー保護', 795),
    (15, 2, 4, '特にない', 82),
    (15, 2, 5, 'わからない', 89),
    (15, 2, 6, 'その他', 31),
    (15, 2, NULL, '無回答', 13);

-- text omits the seed's leading 「⇒」, which only marks the paragraph as the city's answer.
INSERT INTO survey_responses (survey_id, question_number, position, rank, heading, text, option_number) VALUES
    (15, 1, 1, 1, '1位「行政手続きの簡素化」',
     '経済産業省の規制改革推進会議で示された下記の3原則に沿って、デジタル化可能な申請は全てオンライン申請が可能なシステムを作り上げて参ります。',
     2),
    (15, 1, 2, 2, '2位「市民サービスの向上」',
     'オンラインで申請ができない手続きに関して書面規制、押印、対面規制の見直しについて適切に行い、押印廃止の対象外となっている実印を使った手続きについても、その妥当性を検証します。',
     1),
    (15, 2, 1, 1, '1位「個人情報やプライバシー保護」',
     '個人情報などの機密情報を扱うネットワークをインターネットから分離するいわゆる「三層の対策」を施すなど、情報セキュリティには万全を期しています。今後、市民サービスの向上及び業務の効率化と情報セキュリティの両立を図りながら、セキュリティ対策をより一層強化していきます。',
     3),
    -- The seed prints this heading without 「位」 and with full-width （）, while the option
    -- label it names uses half-width (): both are kept as printed, so they differ on purpose.
    (15, 2, 2, 2, '2「デジタル機器（技術）への適応」',
     '「誰一人取り残されない、人にやさしいデジタル化」を実現するため、高齢者などを対象としたスマートフォンの使い方講座や、障がい者のデジタル技術活用支援、また親子プログラミング講座など、多様な主体がデジタル技術に触れる機会を創出することで、デジタル機器への適応できるようサポートしていきます。',
     1);

INSERT INTO survey_response_items (survey_id, question_number, response_position, position, text) VALUES
    (15, 1, 1, 1, '①行政手続きの電子化の徹底（デジタルファースト原則）'),
    (15, 1, 1, 2, '②同じ情報は一度だけの原則（ワンスオンリー原則）'),
    (15, 1, 1, 3, '③書式・様式の統一');
