"""Held-out search queries, written from people's life events before the search was tuned.

These queries were written from the life events a citizen goes through (quitting or losing a job, freelancing and
gig work, low income and disability, paying through an agency, a new baby, a child starting school, moving city or
going back to the hometown, retiring, an employer that does not pay, a missed collection period) and from the words
people really type, slips included (断交 for 断缴, 医宝 for 医保, traditional characters, misspelt English). They were
written from the guide's outcomes and the law texts only, without looking at the search code, its synonyms or its
dictionary. The even rows (HELD_OUT[0::2]) were then used to tune search; the odd rows (HELD_OUT[1::2]) stay out
of the tuning loop: use them to measure the tuned search, never to tune it. None of them repeats a query of
tests/test_search_queries.py.

Notation of each row, as in tests/test_search_queries.py: the query, and what must be among the first three
results: the guide's start ("start", the best bet for "how do I pay"), a result page of the guide ("guide:slug"), an
article ("SIL 25" for the Social Insurance Law, "HR 31" for the Social Insurance Handling Regulations), or one of
several joined with "|" where several pages would each answer the person; "none" when nothing should match.
"""

HELD_OUT = [
    # How do I pay, in everyday words.
    ("医保在哪交", "start"),
    ("支付宝怎么交医保", "start|guide:residents|guide:flexible-employee|guide:child-student"),
    ("医保一年交多少钱", "guide:residents|guide:flexible-employee|guide:child-student"),
    # Quitting or losing a job.
    ("辞职了医保怎么办", "guide:flexible-employee|guide:residents|guide:which-scheme"),
    ("离职后医保断了怎么续上", "guide:flexible-employee|guide:flexible-lapse|guide:residents-lapse"),
    ("离职 医保 自己交", "guide:flexible-employee|guide:residents"),
    ("被辞退了医保谁给交", "guide:unemployment-benefits|guide:which-scheme|SIL 48"),
    ("被裁员后医保", "guide:unemployment-benefits|guide:which-scheme|SIL 48"),
    ("没工作了医保还能交吗", "guide:residents|guide:flexible-employee|guide:which-scheme"),
    ("失业金领完了医保怎么交", "guide:unemployment-benefits|guide:residents|guide:flexible-employee"),
    ("公司倒闭了 社保断了", "guide:unemployment-benefits|guide:employer-not-paying|guide:which-scheme"),
    ("quit my job what happens to my medical insurance", "guide:flexible-employee|guide:residents|guide:which-scheme"),
    ("resigned health insurance", "guide:flexible-employee|guide:residents|guide:which-scheme"),
    ("got fired who pays my insurance", "guide:unemployment-benefits|guide:which-scheme|SIL 48"),
    ("laid off medical insurance", "guide:unemployment-benefits|guide:which-scheme|SIL 48"),
    ("lost my job", "guide:unemployment-benefits|guide:which-scheme|guide:residents"),
    ("unemployement benefit health insurance", "guide:unemployment-benefits|SIL 48"),
    # Freelancing and gig work.
    ("打零工怎么交医保", "guide:flexible-employee|guide:residents"),
    ("跑外卖的医保怎么交", "guide:flexible-employee|guide:residents"),
    ("送外卖能交职工医保吗", "guide:flexible-employee|SIL 23"),
    ("网约车司机交社保", "guide:flexible-employee"),
    ("开滴滴 自己交医保", "guide:flexible-employee|guide:residents"),
    ("开小店的个体户 没雇人 医保", "guide:flexible-employee"),
    ("兼职的人能交职工医保吗", "guide:flexible-employee|SIL 23"),
    ("灵活就业医保和居民医保哪个划算", "guide:flexible-employee|guide:which-scheme|guide:residents"),
    ("外地户口 灵活就业 在哪参保", "guide:flexible-employee"),
    ("freelancer medical insurance", "guide:flexible-employee|guide:residents"),
    ("gig worker health insurance", "guide:flexible-employee|guide:residents"),
    ("delivery rider insurance", "guide:flexible-employee|guide:residents"),
    ("I drive for Didi, how do I pay social insurance", "guide:flexible-employee"),
    ("self employed no employees pay insurance myself", "guide:flexible-employee"),
    ("part time job medical insurance", "guide:flexible-employee"),
    # Minimum living allowance (低保), disability, older people.
    ("低保户交医保要钱吗", "guide:residents|SIL 25"),
    ("残疾人医保有补贴吗", "guide:residents|SIL 25"),
    ("低收入家庭老人医保补贴", "guide:residents|SIL 25"),
    ("农村老人怎么交医保", "guide:residents"),
    ("新农合怎么交", "guide:residents|SIL 24"),
    ("老人行动不便 能上门办医保吗", "HR 30"),
    ("low income medical insurance subsidy", "guide:residents|SIL 25"),
    ("disabled medical insurance", "guide:residents|SIL 25"),
    ("insurance for my elderly parents", "guide:residents|guide:which-scheme"),
    # Agencies that pay for you, and made-up employers (挂靠).
    ("社保代缴靠谱吗", "guide:flexible-employee|SIL 88"),
    ("找中介代缴医保", "guide:flexible-employee"),
    ("挂靠公司交社保", "SIL 88|guide:flexible-employee"),
    ("代理公司收了钱却没缴费", "guide:flexible-employee|SIL 74|HR 32|SIL 82"),
    ("pay social insurance through an agency", "guide:flexible-employee"),
    ("fake employer to get insurance", "SIL 88|guide:flexible-employee"),
    # Common slips: 断交 for 断缴, 医宝 for 医保, traditional characters, misspelt English.
    ("医保断交了怎么补", "guide:flexible-lapse|guide:residents-lapse"),
    ("居民医保断交两年", "guide:residents-lapse"),
    ("医宝怎么交", "start"),
    ("医宝断缴", "guide:residents-lapse|guide:flexible-lapse"),
    ("醫保怎麼繳費", "start"),
    ("醫保斷繳怎麼辦", "guide:residents-lapse|guide:flexible-lapse"),
    ("新生兒醫保", "guide:newborn"),
    ("how to pay medcal insurence", "start"),
    ("retirment medical insurance", "guide:retired|guide:retired-short"),
    ("unemployd medical insurance", "guide:unemployment-benefits|SIL 48"),
    ("insurence for newborn", "guide:newborn"),
    # Am I insured, and which insurance am I in.
    ("我有没有医保", "guide:which-scheme"),
    ("怎么查自己交没交医保", "guide:which-scheme|guide:employee|SIL 74|HR 32"),
    ("查医保缴费记录", "guide:which-scheme|guide:employee|SIL 74|HR 32"),
    ("繳費記錄查詢", "guide:which-scheme|guide:employee|SIL 74|HR 32"),
    ("查一下公司有没有给我交社保", "guide:employee|guide:employer-not-paying|SIL 4|SIL 74|HR 32"),
    ("我是职工医保还是居民医保", "guide:which-scheme"),
    ("个人权益记录单", "SIL 74"),
    ("社保号是不是身份证号", "SIL 58|HR 6|guide:employee|guide:flexible-employee"),
    ("医保码怎么领", "HR 6|HR 7|guide:flexible-employee"),
    ("am I insured", "guide:which-scheme"),
    ("check my payment record", "guide:which-scheme|guide:employee|SIL 74|HR 32"),
    ("which insurance am I in", "guide:which-scheme"),
    ("is my company paying my insurance", "guide:employee|guide:employer-not-paying|SIL 4|SIL 74|HR 32"),
    # Having a baby.
    ("生完孩子怎么给宝宝办医保", "guide:newborn"),
    ("宝宝还没上户口能参保吗", "guide:newborn"),
    ("baby just born medical insurance", "guide:newborn"),
    # A child starting school or university.
    ("孩子上幼儿园要交医保吗", "guide:child-student"),
    ("上大学了医保在学校交还是老家交", "guide:child-student"),
    ("学生医保学校统一交吗", "guide:child-student"),
    ("university student health insurance", "guide:child-student"),
    ("pay insurance for my son", "guide:child-student"),
    # Moving city, going back to the hometown.
    ("回老家了医保怎么转", "guide:moving-resident|guide:moving-employee|HR 13"),
    ("跳槽去外地 医保年限能累计吗", "guide:moving-employee|SIL 32|HR 13"),
    ("外地户口能在这边交居民医保吗", "guide:moving-resident|guide:residents"),
    ("医保关系转不过去怎么办", "guide:moving-employee|guide:moving-resident|SIL 83|HR 16"),
    ("农民工进城打工医保", "SIL 95|guide:employee|guide:flexible-employee"),
    ("going back to my hometown medical insurance", "guide:moving-resident|guide:moving-employee"),
    ("new job in another city transfer insurance", "guide:moving-employee|SIL 32|HR 13"),
    # Retiring.
    ("快退休了医保还差几年", "guide:retired-short"),
    ("退休要交满多少年医保", "guide:retired|guide:retired-short|SIL 27"),
    ("退休前补缴医保", "guide:retired-short"),
    ("医保交够年限退休后还用交吗", "guide:retired|SIL 27"),
    ("how many years of medical insurance before retirment", "guide:retired|guide:retired-short|SIL 27"),
    # The employer does not pay.
    ("老板不给交五险", "guide:employer-not-paying"),
    ("公司欠缴社保怎么投诉", "guide:employer-not-paying|SIL 82"),
    ("试用期公司不交社保合法吗", "guide:employer-not-paying|SIL 58"),
    ("工资里扣了社保但是没交", "guide:employer-not-paying"),
    ("单位不交社保能仲裁吗", "guide:employer-not-paying|SIL 83"),
    ("boss won't pay my social insurance", "guide:employer-not-paying"),
    ("employer deducted insurance from salary but did not pay", "guide:employer-not-paying"),
    ("report company not paying social insurance", "guide:employer-not-paying|SIL 82"),
    # Missing the collection period.
    ("错过了医保缴费时间怎么办", "guide:residents-lapse"),
    ("居民医保截止了还能交吗", "guide:residents-lapse"),
    ("医保待遇等待期", "guide:residents-lapse|guide:residents"),
    ("居民医保每年几月份交", "guide:residents|guide:residents-lapse|guide:child-student"),
    ("missed the deadline for residents insurance", "guide:residents-lapse"),
    ("waiting period before cover starts", "guide:residents-lapse|guide:residents"),
    # Fraud.
    ("骗保怎么处罚", "SIL 88|HR 55|SIL 87"),
    ("把医保卡借给别人用", "SIL 88|HR 55"),
    ("medical insurance fraud penalty", "SIL 88|HR 55|SIL 87"),
    # Late fee.
    ("社保滞纳金怎么算", "SIL 86|guide:employer-not-paying"),
    ("欠缴社保每天万分之五", "SIL 86|guide:employer-not-paying"),
    ("late payment penalty", "SIL 86|guide:employer-not-paying"),
    # The office, the hotline, what to bring; claims and care elsewhere.
    ("医保中心在哪", "HR 28|guide:which-scheme|guide:employee|guide:flexible-employee|guide:residents"),
    ("医保咨询电话", "guide:which-scheme|guide:employee|guide:flexible-employee|guide:residents"),
    ("政务服务中心能办医保吗", "HR 28"),
    ("办医保要带什么", "HR 31|guide:flexible-employee|guide:residents|guide:which-scheme"),
    ("补缴医保要户口本吗", "HR 31|guide:flexible-lapse|guide:residents-lapse"),
    ("医保手工报销要什么材料", "HR 20"),
    ("在外地看病医保能报吗", "SIL 29|HR 23"),
    ("medical insurance hotline", "guide:which-scheme|guide:employee|guide:flexible-employee|guide:residents"),
    ("where is the medical insurance office", "HR 28|guide:which-scheme|guide:employee|guide:flexible-employee"),
    ("what documents do I need", "HR 31|guide:flexible-employee|guide:residents|guide:which-scheme"),
    ("foreigner working in China social insurance", "SIL 97"),
    # Nothing to find: clearly outside the domain.
    ("护照办理", "none"),
    ("火锅店推荐", "none"),
    ("iphone screen repair", "none"),
]
