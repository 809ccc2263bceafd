"""Annex В: заявка на проведение сертификации СЭМ (ГОСТ Р 54298-2010)."""

from tools.templatebuilder.blocks import (
    Blank,
    Column,
    Columns,
    Field,
    Heading,
    Layout,
    Line,
    Sig,
    Signatures,
    Table,
)

TITLE = "Заявка на проведение сертификации системы экологического менеджмента"

LAYOUT = Layout(
    blocks=[
        Blank("{{ body.name }}", "наименование органа по сертификации"),
        Blank("{{ body.address }}", "адрес"),
        Heading("ЗАЯВКА НА ПРОВЕДЕНИЕ СЕРТИФИКАЦИИ СИСТЕМЫ ЭКОЛОГИЧЕСКОГО МЕНЕДЖМЕНТА"),
        Line("{{ application.number_line }}", align="center"),
        Blank("{{ org.name }}", "наименование организации-заявителя"),
        Field("Юридический адрес", "{{ org.legal_address }}", label_mm=45),
        Field("Фактический адрес", "{{ org.actual_address }}", label_mm=45),
        Field("Телефонный код города", "{{ org.phone_code }}", label_mm=45),
        Field("Телефон", "{{ org.phone }}", label_mm=45),
        Field("Факс", "{{ org.fax }}", label_mm=45),
        Field("Электронная почта", "{{ org.email }}", label_mm=45),
        Line("Банковские реквизиты", space_before=4),
        Blank("{{ org.bank_line }}", "расчетный счет, банк, город"),
        Blank("{{ org.codes_line }}", "корреспондентский счет, БИК, ИНН, КПП, ОКВЭД, ОКПО"),
        Field("В лице", "{{ org.head.genitive_position_name }}",
              "должность, фамилия, имя, отчество руководителя", label_mm=20),
        Line("просит провести сертификацию системы экологического менеджмента применительно "
             "к продукции (услуге, видам деятельности)", space_before=4),
        Blank("{{ application.products }}", "наименование продукции (услуги), видов деятельности"),
        Line("на соответствие требованиям стандарта {{ standard }}"),
        Line("Данные о внедрении системы экологического менеджмента", space_before=4),
        Blank("{{ org.implementation }}", "номер и дата распорядительного документа"),
        Line("Услугами какой консалтинговой компании пользовались при разработке системы "
             "экологического менеджмента", space_before=4),
        Blank("{{ org.consultant }}"),
        Line("Данные о сертификатах соответствия системы экологического менеджмента "
             "(заполняются при наличии ранее выданного сертификата)", space_before=4),
        Blank("{{ org.previous_systems }}", "наименование системы сертификации"),
        Blank("{{ org.previous_certificates }}",
              "наименование органа по сертификации систем экологического менеджмента, "
              "номер и дата выдачи сертификата"),
        Line("Перечень документации изготовителя (исполнителя), по которой выпускается продукция "
             "(услуга) (стандарты, технические условия, конструкторская документация и др.)",
             space_before=4),
        Blank("{{ org.product_documents }}"),
        Line("Общие сведения об организации", bold=True, align="center", space_before=8),
        Field("Общая численность работающих и количество филиалов", "{{ org.headcount_line }}",
              label_mm=95),
        Line("При наличии филиалов, деятельность которых включена в область сертификации "
             "системы менеджмента", space_before=4),
        Table(
            columns=[
                Column("Наименование, адрес филиала", "{{ row.name_address }}", 75),
                Column("Общая численность персонала филиала", "{{ row.headcount }}", 35),
                Column("Виды продукции (услуг) и деятельность", "{{ row.activities }}", 60),
            ],
            items="org.branch_rows",
            numbers_row=True,
        ),
        Field("Входит ли организация в состав большей организации (корпорации, холдинга и т.п.)",
              "{{ org.parent_yes_no }}", "да, нет", label_mm=130),
        Line("Если организация входит в состав большей организации (корпорации, холдинга и т.п.), "
             "то в какую", space_before=4),
        Blank("{{ org.parent_name }}"),
        Field("Выполняемые функции в головной организации", "{{ org.parent_functions }}", label_mm=85),
        Line("Предлагаемая запись в сертификате соответствия (продукция и/или услуга и этапы "
             "жизненного цикла)", space_before=4),
        Blank("{{ application.scope_nominative }}", align="left"),
        Line("Основные технологические процессы", space_before=4),
        Blank("{{ org.processes }}", align="left"),
        Line("Значимые экологические аспекты", space_before=4),
        Blank("{{ org.significant_aspects }}", align="left"),
        Line("Используются ли процессы аутсорсинга (укажите какие)", space_before=4),
        Blank("{{ org.outsourcing }}", align="left"),
        Line("Дополнительные сведения", space_before=4),
        Blank("{{ application.desired_dates }}", "желательные сроки проведения сертификации"),
        Blank("{{ application.additional_info }}", "другие сведения по усмотрению организации-заказчика"),
        Line("Обязательства:", bold=True, space_before=8),
        Line("а) обязуемся выполнять условия Системы сертификации;"),
        Line("б) оплату всех расходов по сертификации и инспекционному контролю гарантируем;"),
        Line("в) обязуемся представлять всю необходимую информацию для проведения аудитов "
             "системы экологического менеджмента."),
        # Signatures, «м.п.», the date and the contact person in one unbreakable row: the
        # contact lines never stand alone on a last page.
        Columns([[
            Signatures(
                [
                    Sig("Руководитель организации", "{{ org.head.initials_surname }}"),
                    Sig("Главный бухгалтер", "{{ org.chief_accountant.initials_surname }}"),
                ],
                stamp=True,
                date="{{ application.date }}",
            ),
            Blank("{{ org.contact.position_full_name }}",
                  "Ф.И.О., должность лица, назначенного для контакта"),
            Blank("{{ org.contact_phones }}", "тел./факс, e-mail"),
        ]]),
    ]
)
