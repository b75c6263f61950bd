"""The everyday words after a second reading against the domain notes (DOMAIN.md) and the law texts. Words
that led to the wrong page are taken out or lead elsewhere (辞职 to unemployment benefits, 农保 to medical
insurance, 电子社保卡 to the e-certificate, 段缴 "correcting" 分段缴费), notes cite paragraphs and say
what is practice, and new rows and synonyms cover what people type and found nothing for. A row staff
have changed since 0004 is left as they made it."""

from django.db import migrations

# (the row's words and the site's words as 0004 added them) -> (words, the site's words, whether they are
# slips, note)
CORRECTED = [
    (
        (
            "辞职, 离职, 辞工, 不干了, 离开单位, 没工作, 没工作了, 没有工作, 无业, 待业, "
            "quit, quit my job, resign, resigned, left my job, between jobs, no job",
            "灵活就业, 哪种医保, 失业, flexible workers, which insurance",
        ),
        (
            "辞职, 离职, 辞工, 不干了, 离开单位, quit, quit my job, resign, resigned, left my job",
            "灵活就业, 城乡居民基本医疗保险, 哪种医保, flexible workers, residents' basic medical insurance, "
            "which insurance",
            False,
            "Quitting usually brings no unemployment benefits (SIL 45(1)(二)): a flexible worker "
            "(SIL 23(2), 58(2), 60(2)) or residents' insurance (SIL 25(1),(2))",
        ),
    ),
    (
        (
            "被辞退, 辞退, 被开除, 开除, 被裁员, 裁员, 失去工作, 丢了工作, 公司倒闭, 单位倒闭, 倒闭, "
            "fired, got fired, laid off, lay off, layoff, lost my job, made redundant, redundancy, dismissed, "
            "out of work",
            "失业, 失业保险金, 失业人员, unemployment benefits, unemployed",
        ),
        (
            "被辞退, 辞退, 被开除, 被裁员, 裁员, 失去工作, 丢了工作, 公司倒闭, 单位倒闭, 倒闭, 被炒, 炒鱿鱼, "
            "fired, got fired, laid off, lay off, layoff, lost my job, made redundant, redundancy, dismissed",
            "失业, 失业保险金, 失业人员, unemployment benefits, unemployed",
            False,
            "Unemployment benefits only if SIL 45(1) is met; while they are received the fund pays (SIL 48(1), "
            "48(2); HR 24(2)). Otherwise a flexible worker or residents' insurance (SIL 23(2), 25(1),(2))",
        ),
    ),
    (
        (
            "打零工, 零工, 跑外卖, 送外卖, 外卖员, 外卖骑手, 骑手, 快递员, 网约车, 网约车司机, 开滴滴, 滴滴司机, "
            "开出租, 主播, 新就业形态, 自己干, 开小店, 摆摊, 没雇人, "
            "freelancer, freelancing, gig, gig worker, delivery rider, delivery driver, courier, rideshare driver, "
            "ride-hailing driver, driver, self employed, own business, sole trader",
            "灵活就业人员, 灵活就业, 无雇工的个体工商户, flexible workers, self-employed",
        ),
        (
            "打零工, 零工, 跑外卖, 送外卖, 外卖员, 外卖骑手, 骑手, 快递员, 网约车, 网约车司机, 开滴滴, 滴滴司机, "
            "开出租, 计程车, 主播, 新就业形态, 自己干, 自雇, 自雇人士, 开小店, 摆摊, 没雇人, "
            "freelancer, freelancing, gig, gig worker, delivery rider, delivery driver, courier, rideshare driver, "
            "ride-hailing driver, self employed, own business, sole trader",
            "灵活就业人员, 灵活就业, 无雇工的个体工商户, flexible workers, self-employed",
            False,
            "Without an employer, a flexible worker (SIL 23(2), 58(2), 60(2)); a shop owner only without "
            "employees. With an employer, an employee (SIL 23(1), 58(1))",
        ),
    ),
    (
        (
            "低保, 低保户, 吃低保, 低收入, 困难家庭, 特困, 贫困, 残疾人, 残疾, 重度残疾, "
            "low income, poor, poverty, minimum living allowance, dibao, disabled, disability",
            "最低生活保障, 丧失劳动能力, 低收入家庭, 补贴, minimum living allowance, subsidy",
        ),
        (
            "低保, 低保户, 吃低保, 低收入, 困难家庭, 特困, 贫困, 五保户, 困难群众, 资助参保, 残疾人, 残疾, "
            "重度残疾, 残疾证, low income, low-income family, poor, poverty, minimum living allowance, dibao, "
            "subsistence allowance, minimum subsistence, welfare, disabled, disability, unable to work",
            "最低生活保障, 丧失劳动能力, 低收入家庭, 补贴, 城乡居民基本医疗保险, minimum living allowance, subsidy, "
            "residents' basic medical insurance, lost the ability to work, low-income families",
            False,
            "SIL 25(3): a subsidy for people on dibao, disabled people unable to work, and people 60+ and "
            "minors in low-income families; who else and how much is local (practice ‘subsidy’)",
        ),
    ),
    (
        (
            "老人, 爸妈, 父母, 家里老人, 六十岁以上, 60岁以上, elderly, elderly parents, old people, parents, senior",
            "老年人, 居民医保, 低收入家庭, older people, residents' insurance",
        ),
        (
            "老人, 家里老人, 老年人医保, 上了年纪, 高龄, 六十岁以上, 60岁以上, 给父母交, 帮父母交, 给爸妈交, "
            "帮爸妈交, 父母医保, 爸妈医保, 爷爷奶奶, 外公外婆, "
            "elderly, elderly parents, my parents, old people, senior, grandparents",
            "老年人, 居民医保, 低收入家庭, 退休, older people, residents' insurance, retirement",
            False,
            "SIL 25(1),(2); 25(3) for 60+ in low-income families; SIL 27 if retired from employee insurance",
        ),
    ),
    (
        (
            "新农合, 农合, 新型农村合作医疗, 农村医保, 农保",
            "新型农村合作医疗, 城乡居民基本医疗保险, 居民医保",
        ),
        (
            "新农合, 农合, 新型农村合作医疗, 农村合作医疗, 合作医疗, 农村医保, 城镇居民医保, 城镇居民基本医疗保险, "
            "城居保, 居民医疗保险, rural cooperative medical scheme, new rural cooperative, NCMS, "
            "rural medical insurance",
            "新型农村合作医疗, 城镇居民基本医疗保险, 城乡居民基本医疗保险, 居民医保, "
            "new rural cooperative medical scheme, urban residents' basic medical insurance, "
            "residents' basic medical insurance, residents' insurance",
            False,
            "SIL 24, 25 keep the old names; merged into 城乡居民基本医疗保险 since 2016 (国发〔2016〕3号, "
            "practice background ‘merger’). 农保 is the rural pension (SIL 20): not listed",
        ),
    ),
    (
        (
            "中介, 代缴, 代交, 代办, 代理, 代理公司, 代缴公司, 人事代理, 第三方, "
            "agency, agent, through an agency, third party",
            "委托, 代缴, agency, entrust",
        ),
        (
            "中介, 代办, 代理, 代理公司, 代缴公司, 人事代理, agent, through an agency, HR agency, payroll agency",
            "委托, 人力资源服务机构, 挂靠, entrust, human resources service agency, fraud",
            False,
            "Entrusting an agency: SIL 4(1), 74(4); warning SIL 88. 代缴 is the employer's withholding (SIL 60(1)), "
            "第三方 a liable party (SIL 30): not listed. 代办 is also the agency's own service (HR 30)",
        ),
    ),
    (
        (
            "挂靠, 假挂靠, 虚假劳动关系, 虚构劳动关系, 骗保, 套保, 借医保卡, 借卡, 借给别人, 给别人用, 出借, 冒用, "
            "fake employer, fake job, fraud, cheat, sham employment, lend my card",
            "骗取, 欺诈, 挂靠, 伪造, fraud",
        ),
        (
            "挂靠, 假挂靠, 虚假劳动关系, 虚构劳动关系, 骗保, 借医保卡, 借卡, 借给别人, 给别人用, 出借, 冒用, "
            "fake employer, fake job, fraud, cheat, sham employment, lend my card",
            "骗取, 欺诈, 挂靠, 伪造, fraud",
            False,
            "SIL 88: obtaining benefits by fraud, forged documents or other means (including 挂靠); also HR 55",
        ),
    ),
    (
        (
            "有没有医保, 有没有参保, 参保了吗, 查医保, 查社保, 查参保, 查缴费, 缴费记录, 参保记录, 哪种医保, 什么医保, "
            "医保类型, am i insured, am i covered, do i have insurance, which insurance, what insurance, which scheme, "
            "check my insurance, payment record, contribution record, my record",
            "哪种医保, 参保缴费记录, 缴费记录, 个人权益记录, 查询, which insurance, contribution records, look up",
        ),
        (
            "有没有医保, 有没有参保, 参保了吗, 查医保, 查社保, 查参保, 查缴费, 缴费记录, 参保记录, 哪种医保, 什么医保, "
            "医保类型, 参保查询, 医保查询, 缴费明细, 缴费清单, 权益记录单, "
            "am i insured, am i covered, do i have insurance, which insurance, what insurance, which scheme, "
            "check my insurance, payment record, contribution record, my record, statement, proof of insurance",
            "哪种医保, 参保缴费记录, 缴费记录, 个人权益记录, 查询, which insurance, contribution records, look up",
            False,
            "Looking up one's own record is free (SIL 4(1), 74(4); HR 32); statements are sent free (SIL 74(3))",
        ),
    ),
    (
        (
            "生孩子, 生了孩子, 生宝宝, 刚生, 出生, 上户口, 没上户口, "
            "had a baby, new baby, newborn baby, just born, birth",
            "新生儿, newborn",
        ),
        (
            "生孩子, 生了孩子, 生宝宝, 刚生, 出生, 上户口, 没上户口, "
            "had a baby, new baby, newborn baby, just born, birth, infant",
            "新生儿, newborn",
            False,
            "SIL 25(1),(2) (with 24); timing and documents are practice (‘newborn’, ‘newborn-documents’)",
        ),
    ),
    (
        (
            "上学, 幼儿园, 小学, 中学, 高中, 上大学, 学校, 开学, "
            "school, kindergarten, college student, university student",
            "学生, 在校学生, 大学生, 儿童, student, child",
        ),
        (
            "上学, 幼儿园, 托儿所, 小学, 中学, 高中, 上大学, 学校, 开学, 中小学生, 研究生, "
            "school, kindergarten, pupil, high school, college student, university student, undergraduate, "
            "graduate student",
            "学生, 在校学生, 大学生, 儿童, student, child",
            False,
            "Students and children are residents (SIL 25(1),(2)); school enrolment is practice (‘students’)",
        ),
    ),
    (
        (
            "回老家, 回家乡, 老家, 户籍地, 换工作, 跳槽, 去外地, 到外地, 外省, 跨省, 迁户口, "
            "hometown, back home, going back, go back, move back, another province, change job, new job",
            "转移接续, 统筹地区, 转移, another city, transfer",
        ),
        (
            "回老家, 回家乡, 老家, 户籍地, 换工作, 跳槽, 调动, 去外地, 到外地, 外省, 跨省, 迁户口, 随子女, 投靠子女, "
            "随迁, 医保转移, 社保转移, 转移医保, 转医保, 转社保, 医保迁移, 转出, 转入, "
            "hometown, back home, back to hometown, back to my hometown, move back, another province, change job, "
            "new job, move city, transfer my insurance",
            "转移接续, 统筹地区, 转移, another city, transfer",
            False,
            "Moving to another pooling area: SIL 32; HR 13(1)–(3), 16. A new job in the same city: SIL 58(1)",
        ),
    ),
    (
        (
            "快退休, 退休前, 到退休年龄, 退休年龄, 差几年, 年限不够, 交够, 交满, 交多少年, 交几年, "
            "close to retirement, retirement age, how many years, years of contributions",
            "缴费年限, 退休, years of contributions, retirement",
        ),
        (
            "快退休, 退休前, 到退休年龄, 退休年龄, 差几年, 年限不够, 交够, 交满, 交满多少年, 交多少年, 交几年, "
            "累计缴费, 视同缴费, 缴费年数, 退休后还要交吗, 退休了还交吗, "
            "close to retirement, retirement age, after retirement, how many years, minimum years, "
            "years of contributions",
            "缴费年限, 退休, years of contributions, retirement",
            False,
            "SIL 27 (employee insurance only); required years set locally (practice ‘retirement-years’)",
        ),
    ),
    (
        (
            "不给交, 没给交, 不交, 欠费, 拖欠, 漏缴, 少交, 扣了钱没交, 扣钱, 工资里扣, 克扣, "
            "won't pay, does not pay, doesn't pay, not paying, unpaid, owes",
            "欠缴, 未按时足额缴纳, 用人单位, employer, arrears",
        ),
        (
            "不给交, 没给交, 不给买, 没给买, 不给上社保, 没上社保, 公司不交社保, 公司没交, 单位不交, 单位没交, 欠费, "
            "拖欠, 没交, 漏缴, 漏交, 少交, 少缴, 停缴, 扣了钱没交, "
            "won't pay, does not pay, doesn't pay, unpaid, employer owes, deducted but not paid",
            "欠缴, 未按时足额缴纳, 用人单位, employer, arrears",
            False,
            "SIL 58(1), 60(1), 63, 86; complaints SIL 82(1), 83(3). 欠费, 没交, 漏缴, 漏交, 停缴 are in the lapse row "
            "too: they are as often one's own",
        ),
    ),
    (
        (
            "投诉, 告公司, 维权, 劳动仲裁, 起诉, report, complain, complaint, sue",
            "举报, 投诉, 仲裁, 诉讼, report, complaint, arbitration, lawsuit",
        ),
        (
            "投诉, 检举, 告公司, 告单位, 告老板, 维权, 劳动仲裁, 起诉, 打官司, 劳动监察, 劳动保障监察, 劳动局, "
            "行政复议, 复议, report, complain, complaint, sue, appeal, mediation, arbitration, lawsuit, "
            "take to court, reconsideration, labour inspection",
            "举报, 投诉, 调解, 仲裁, 诉讼, 行政复议, "
            "report, complaint, mediation, arbitration, lawsuit, reconsideration",
            False,
            "SIL 82(1), 83(3) (disputes with the employer); 83(1), 83(2) (acts of the collection or handling "
            "agency: reconsideration or lawsuit); HR 51, 52",
        ),
    ),
    (
        (
            "停了, 漏交, 忘了交, 忘记交, 错过, 过了缴费期, 截止, 截止了, 过期, 逾期, 没赶上, "
            "missed the deadline, missed payment, forgot to pay, deadline",
            "断缴, 错过, 补缴, lapse, make up, collection period",
        ),
        (
            "停了, 停缴, 没交, 漏交, 漏缴, 欠费, 忘交, 忘了交, 忘记交, 晚交, 迟交, 交晚了, 中途断了, 不连续, 错过, "
            "过了缴费期, 截止了, 逾期, 没赶上, 重新参保, 恢复缴费, "
            "missed the deadline, missed payment, missed a year, forgot to pay, pay late, paid late, "
            "backdate, catch up, gap in cover",
            "断缴, 错过, 补缴, lapse, make up, collection period",
            False,
            "Practice, no article: making up is set locally (‘lapse-local’); residents' waiting period, "
            "国办发〔2024〕38号 (‘waiting-period’)",
        ),
    ),
    (
        (
            "电话, 热线, 客服, 咨询电话, 打电话, 找谁, 在哪办, 去哪办, 哪里办, 窗口, 大厅, 办事大厅, 社保局, 医保局, "
            "hotline, phone number, call, helpline, office, who to ask",
            "12393, 热线, 医保经办机构, 政务服务中心, hotline, medical insurance agency",
        ),
        (
            "电话, 热线, 客服, 咨询电话, 打电话, 12333, 12366, 12345, 找谁, 在哪办, 去哪办, 哪里办, 地址, 窗口, 大厅, "
            "办事大厅, 政务大厅, 政务中心, 便民服务中心, 医保局, 医保所, 社保局, 社保中心, 社保所, 人社局, "
            "hotline, phone number, who to call, call them, helpline, office, local office, who to ask, where to go, "
            "address, medical insurance bureau, social security bureau",
            "12393, 热线, 医保经办机构, 医疗保障部门, 政务服务中心, hotline, medical insurance agency, "
            "healthcare security bureau, government service centre",
            False,
            "HR 28(1), 29(1); HR 4(2), 60 (who runs medical insurance); hotlines are practice (‘hotlines’)",
        ),
    ),
    (
        (
            "带什么, 要带, 材料, 证件, 资料, 手续, 准备什么, documents, papers, what to bring, bring",
            "身份证, 居民身份证, 社会保障卡, 材料, resident id card, social security card",
        ),
        (
            "带什么, 要带, 材料, 证件, 资料, 手续, 准备什么, 户口本, 户口簿, 出生证明, 证明材料, 复印件, 照片, "
            "documents, papers, what to bring, bring, ID card, identity card, household register, birth certificate, "
            "proof",
            "身份证, 居民身份证, 社会保障卡, 材料, 证明材料, "
            "resident id card, identity documents, social security card, supporting documents",
            False,
            "HR 31(1): nothing but the identity document without a basis in law, regulation or a State Council "
            "decision; a newborn's documents are practice (‘newborn-documents’)",
        ),
    ),
    (
        (
            "医保码, 电子医保卡, 医保电子码, 电子社保卡, medical insurance code, e-card, qr code",
            "医保电子凭证, e-certificate",
        ),
        (
            "医保码, 电子医保卡, 医保电子码, 电子凭证, 医保二维码, 医保付款码, 激活医保码, "
            "medical insurance code, medical insurance qr code, qr code, e-card, e-voucher, electronic voucher, "
            "electronic certificate",
            "医保电子凭证, e-certificate",
            False,
            "HR 6(2), 7(2). 电子社保卡 is the social security card (HR 7(1)); e-card may mean either",
        ),
    ),
    (
        ("医保卡, 社保卡", "社会保障卡, social security card"),
        (
            "医保卡, 社保卡, 电子社保卡, 电子社会保障卡, 社保卡丢了, 补卡, 挂失, "
            "e-card, medical card, insurance card, health insurance card",
            "社会保障卡, social security card",
            False,
            "HR 7(1): the physical or electronic card; the number is the ID number (SIL 58(3)); where to apply "
            "or replace one is practice (‘hotlines’)",
        ),
    ),
    (
        ("儿子, 女儿, son, daughter, kids", "孩子, 子女, 儿童, child, children"),
        (
            "儿子, 女儿, 闺女, 孙子, 孙女, 外孙, 外孙女, 少儿, "
            "son, daughter, kids, toddler, grandchild, grandson, granddaughter",
            "孩子, 子女, 儿童, child, children",
            False,
            "Children are residents (SIL 25(1),(2)); school enrolment is practice (‘students’)",
        ),
    ),
    (
        ("断交, 段缴, 短缴, 断教", "断缴"),
        (
            "断交, 短缴, 断教",
            "断缴",
            True,
            "断交 is the common slip for 断缴 (a lapse). Not 段缴: a slip is corrected inside longer text, and "
            "分段缴费 would become 断缴",
        ),
    ),
]

# (what people type, the site's words for it, whether they are slips, note)
ADDED = [
    (
        "没工作, 没工作了, 没有工作, 无业, 待业, between jobs, no job, out of work",
        "城乡居民基本医疗保险, 灵活就业, 失业保险金, 哪种医保, "
        "residents' basic medical insurance, flexible workers, unemployment benefits, which insurance",
        False,
        "No work: residents' insurance (SIL 25(1),(2)), or employee insurance paid by the unemployment fund "
        "only while receiving benefits (SIL 45(1), 48(1),(2))",
    ),
    (
        "扣钱, 工资里扣, 扣薪, deducted from my wages, deducted from my salary",
        "代扣代缴, 用人单位, employer, deducts",
        False,
        "The employer withholds the employee's share from wages, as the law requires (SIL 60(1))",
    ),
    (
        "截止, 截止日期, 截止时间, 什么时候交, 几月交, 几月份交, deadline, due date, when to pay",
        "集中缴费期, collection period",
        False,
        "Practice, no article: residents pay in a collection period whose dates vary (‘collection-period’)",
    ),
    (
        "兼职, 非全日制, 钟点工, 小时工, part-time job, part time job",
        "非全日制从业人员, 灵活就业人员, part-time workers, flexible workers",
        False,
        "Part-time workers not insured through an employer may join employee insurance (SIL 23(2), 58(2), 60(2))",
    ),
    (
        "试用期, 刚入职, 新入职, 临时工, probation, probation period, new hire",
        "用人单位, employer",
        False,
        "The employer registers an employee within 30 days of the day work starts (SIL 58(1): "
        "自用工之日起三十日内; 23(1))",
    ),
    (
        "买医保, 买社保, 购买医保, 上医保, 上社保, 办医保, 办社保, buy insurance, buy medical insurance, get insured",
        "参保, 缴费, join, pay",
        False,
        "Buying insurance is joining it and paying contributions (SIL 23(1),(2), 25(1),(2))",
    ),
    (
        "续费, 续交, 续缴, 续保, renew, renewal",
        "缴费, 居民医保, 集中缴费期, pay, residents' insurance, collection period",
        False,
        "Residents pay every year (SIL 25(2)); when is practice (‘collection-period’)",
    ),
    (
        "多少钱, 交多少钱, 缴费标准, 缴费基数, 费率, how much, cost",
        "缴费标准, 缴费基数, 费率, individual contribution, contribution base, rate",
        False,
        "Practice, never a national figure: residents' amounts and flexible workers' base and rate are set "
        "locally (‘resident-amount’, ‘flexible-amount’)",
    ),
    (
        "微信, 手机银行, 银行, 电子税务局, 国家医保服务平台, wechat, alipay, mini program, mobile banking, bank",
        "渠道, 线上, 手机, channels, online",
        False,
        "HR 29(1); the apps and banks are examples, never the only way (practice ‘channels’)",
    ),
    (
        "异地就医, 异地就医备案, 异地报销, 异地结算, 跨省就医, 跨省异地就医, 外地看病, "
        "medical treatment in another city",
        "异地就医, 结算, medical treatment received outside, settling",
        False,
        "Treatment in another place, not a transfer: SIL 29(2)",
    ),
    (
        "生育保险, 生育津贴, 生孩子报销, maternity, maternity insurance, maternity allowance",
        "生育保险, maternity insurance",
        False,
        "SIL 53(1), 54(1),(2); run with basic medical insurance (HR 24(2): 基本医疗保险（含生育保险）)",
    ),
    (
        "外地户口, 非本地户籍, 没有本地户口, no local hukou, non-local",
        "户籍, 经常居住地, 灵活就业, household registration, habitual residence, flexible workers",
        False,
        "Flexible workers register where they work, in most places without local hukou (practice "
        "‘flexible-where’); residents moving: HR 13(2)",
    ),
    (
        "农民工, 进城务工, 外出打工, migrant worker, migrant workers",
        "进城务工, 用人单位, 灵活就业, work in cities, employer, flexible workers",
        False,
        "SIL 95: insured under the law like everyone, through the employer (SIL 23(1)) or as flexible workers "
        "(SIL 23(2))",
    ),
    (
        "外籍, 老外, foreigner, foreign national, expat",
        "外国人在中国境内就业, 用人单位, foreigners employed, employer",
        False,
        "SIL 97: foreigners employed in China, through the employer; nothing here on residents' insurance",
    ),
    (
        "税务局, 税务, tax bureau, tax office",
        "社会保险费征收机构, 税务部门, contribution collection agency, tax authority",
        False,
        "SIL 59(2); the tax authority collects in most places (practice ‘collector’)",
    ),
    (
        "insurrance, insurace, insurnace, insuarance",
        "insurance",
        True,
        "Slips for insurance; the searches with no result show which others people make",
    ),
]

SYNONYMS = [
    ("centre, center", "UK and US spelling: the pages write centre"),
    ("labour, labor", "UK and US spelling: the pages write labour"),
    ("subsidy, subsidise, subsidize, subsidized", "UK and US spelling: the pages write subsidises"),
    (
        "fraud, fraudulent, fraudulently, defraud",
        "Stems apart: SIL 88's English says 'fraudulently obtains' where people type fraud",
    ),
]


def read_again(apps, schema_editor):
    EverydayTerm = apps.get_model("search", "EverydayTerm")
    Synonym = apps.get_model("search", "Synonym")
    for (old_words, old_means), (words, means, is_slip, note) in CORRECTED:
        EverydayTerm.objects.filter(words=old_words, means=old_means).update(
            words=words, means=means, is_slip=is_slip, note=note
        )
    for words, means, is_slip, note in ADDED:
        if not EverydayTerm.objects.filter(words=words, means=means, is_slip=is_slip).exists():
            EverydayTerm.objects.create(words=words, means=means, is_slip=is_slip, note=note)
    for words, note in SYNONYMS:
        if not Synonym.objects.filter(words=words).exists():
            Synonym.objects.create(words=words, note=note)


class Migration(migrations.Migration):
    dependencies = [("search", "0004_everyday_words")]

    operations = [migrations.RunPython(read_again, migrations.RunPython.noop)]
