"""Facts in document shapes beyond labelled award fields: award letters, ranked candidate tables,
contract blocks of periodic reports, clarifications, expense claims. Each sentence here is written
for its test; each test states the class it covers."""

from __future__ import annotations

from tendertrace.extract import extract
from tendertrace.ingest import read_input
from tendertrace.model import Extraction


def _extract(text: str, name: str = "n.txt") -> Extraction:
    doc = next(read_input(text, name=name, source=name))
    return extract(doc)


def test_award_letter_addressee_is_the_supplier() -> None:
    # A 中标通知书 addressed to the winner (致：X), which it calls 你方.
    text = ("中标通知书\n\n致：南屿数算技术有限公司\n\n    贵公司参加的“港区智算节点扩容项目”投标，经评审，确定贵公司为中标人。\n"
            "    中标金额：人民币叁佰万元整\n\n招标人：东屿港务集团有限公司（盖章）\n二〇二五年四月三日\n")
    ex = _extract(text)
    assert ex.notice_type == "award"
    assert ex.names("supplier") == ["南屿数算技术有限公司"]
    assert ex.names("buyer") == ["东屿港务集团有限公司"]


def test_confirmation_of_result_is_an_award() -> None:
    # An agency's 成交确认书 keeps its labelled supplier (a tender call's "供应商" would be dropped).
    text = ("数据标注平台模型调用服务成交确认书\n致：西川语料科技有限公司（采购人）\n"
            "成交供应商：北岭云联网络有限公司\n成交金额：人民币18万元\n")
    ex = _extract(text)
    assert ex.notice_type == "award"
    assert ex.names("supplier") == ["北岭云联网络有限公司"]


def test_bid_judging_body_is_no_party() -> None:
    # 评标委员会 / 评审委员会 name a procedure's panel, never an organisation to screen.
    text = ("东湖算力运营有限公司\n关于GPU集群采购项目质疑的答复\n经采购人会同代理机构组织原评标委员会复核，质疑不成立。"
            "评审委员会维持原结果。\n")
    ex = _extract(text)
    names = [p.name for p in ex.parties]
    assert not any("委员会" in n for n in names)
    assert ex.names("buyer") == ["东湖算力运营有限公司"]


def test_reseller_status_bracket_is_not_part_of_the_name() -> None:
    text = "单一来源采购公示\n采购人：南江电子研究院\n拟定供应商：广州澜海信息科技有限公司（Azure合作伙伴）\n"
    ex = _extract(text)
    assert ex.names("supplier") == ["广州澜海信息科技有限公司"]


def test_agent_buying_on_behalf_and_invoice_issuer_are_suppliers() -> None:
    text = ("东岳大学物理学院\n科研经费报销单\n  1 | 业务费 | 代理商杭州远帆数据服务有限公司代购OpenAI API额度 | 12,000.00\n"
            "附件：发票1张（开票方：杭州远帆数据服务有限公司）\n")
    ex = _extract(text)
    assert ex.names("supplier") == ["杭州远帆数据服务有限公司"]


def test_ranked_candidate_table_gives_the_first_candidate_and_its_bid() -> None:
    # 排名 | 候选人名称 | 投标报价（万元）, a plain-text table with a rule under its header.
    text = ("云岭超算中心GPU服务器采购项目中标候选人公示\n招标人：云岭超算中心有限公司\n\n"
            "排名 | 中标候选人名称 | 投标报价（万元） | 得分\n---|---|---|---\n"
            "2 | 北桥数智科技有限公司 | 1,310.00 | 88.2\n1 | 南桥算力系统有限公司 | 1,286.50 | 91.7\n")
    ex = _extract(text)
    assert ex.proposed is not None and ex.proposed.name == "南桥算力系统有限公司"
    assert ex.proposed_amount is not None and ex.proposed_amount.value == 12865000


def test_unit_line_scales_labelled_figures_of_its_block() -> None:
    # A periodic report's contract block: 单位：万元 once above, bare figures under it.
    text = ("证券代码：688XXX  证券简称：青川智算\n青川智算科技股份有限公司2024年年度报告（节选）\n\n重大合同\n单位：万元\n"
            "合同订立公司方名称：青川智算科技股份有限公司\n合同订立对方名称：东陵视讯技术有限公司\n"
            "合同标的：算力租赁服务（GPU服务器32台）\n合同总金额：2,150.00\n")
    ex = _extract(text)
    assert ex.amount is not None and ex.amount.value == 21500000
    assert ex.names("buyer") == ["东陵视讯技术有限公司"]
    assert ex.names("supplier") == ["青川智算科技股份有限公司"]


def test_contract_block_of_a_purchase_makes_the_counterpart_the_supplier() -> None:
    text = ("证券代码：603XXX  证券简称：北辰数科\n北辰数科股份有限公司半年度报告（节选）\n重大合同\n"
            "合同订立公司方名称：北辰数科股份有限公司\n合同订立对方名称：南港服务器制造有限公司\n合同类型：设备采购合同\n")
    ex = _extract(text)
    assert ex.names("supplier") == ["南港服务器制造有限公司"]
    assert ex.names("buyer") == ["北辰数科股份有限公司"]


def test_unit_line_of_another_chapter_does_not_scale() -> None:
    text = ("一、预算表\n单位：万元\n  设备费 | 120 | 说明 | 备注\n二、合同情况\n合同金额：350000.00\n")
    ex = _extract(text)
    assert ex.amount is not None and ex.amount.value == 350000


def test_name_before_its_quoted_project_is_the_buyer() -> None:
    # A clarification that names the buyer only as the owner of the project it quotes.
    text = ("澄清公告\n各潜在投标人：\n东川大学化学化工学院“分子模拟GPU工作站采购项目”（项目编号：DC-2024-11）已发布招标公告，"
            "现澄清如下。\n代理机构：东川招标有限公司\n")
    ex = _extract(text)
    assert ex.names("buyer") == ["东川大学化学化工学院"]


def test_space_aligned_customer_table_of_a_prospectus() -> None:
    # A plain-text table aligned with spaces (CJK characters two columns wide), the period column
    # left blank on its later rows: the compute row's customer is the buyer, the issuer the supplier.
    text = ("南岳智算科技股份有限公司\n首次公开发行股票招股说明书（申报稿）\n\n单位：万元\n\n"
            "年度      序号  客户名称                      销售内容              销售金额\n"
            "2024年   1     西陵影像技术有限公司          GPU算力租赁（A100）   1,250.00\n"
            "          2     东篱数据服务有限公司          机房托管              640.00\n")
    doc = next(read_input(text, name="p.txt", source="p.txt"))
    ex = extract(doc)
    lots = {lot.buyer: lot for lot in ex.lots}
    assert set(lots) == {"西陵影像技术有限公司", "东篱数据服务有限公司"}
    assert lots["西陵影像技术有限公司"].supplier == "南岳智算科技股份有限公司"
    assert lots["西陵影像技术有限公司"].amount == 12500000
    assert lots["东篱数据服务有限公司"].amount == 6400000


def test_prose_with_double_spaces_is_no_table() -> None:
    from tendertrace.extract.tables import find_tables

    text = "本项目  采用公开招标方式  预算金额为人民币100万元。\n联系人  王工  电话  0571-XXXX\n"
    assert find_tables(text) == []


def test_lot_itemised_in_a_second_table_takes_the_lot_winner() -> None:
    # The result table names each lot's winner; a second table itemises the lots with unit prices.
    text = ("西岭大学计算平台采购项目中标结果公告\n采购人：西岭大学\n"
            "包号 | 包名称 | 中标供应商名称 | 中标金额（元）\n"
            "第1包 | 存储扩容 | 西岭存储技术有限公司 | 900,000.00\n"
            "第2包 | GPU服务器 | 东岭算力科技有限公司 | 12,000,000.00\n"
            "包号 | 货物名称 | 规格型号 | 数量 | 单价（元）\n"
            "第1包 | 存储 | 全闪1PB | 1套 | 900,000.00\n"
            "第2包 | GPU服务器 | 8×NVIDIA H100 80GB | 4台 | 3,000,000.00\n")
    doc = next(read_input(text, name="r.txt", source="r.txt"))
    ex = extract(doc)
    row_start = text.index("第2包 | GPU服务器 | 8×")
    lot = next(lot for lot in ex.lots if lot.span is not None and lot.span.start == row_start)
    assert lot.supplier == "东岭算力科技有限公司" and lot.amount == 12000000
    assert not any(a.value == 3000000 for a in ex.amounts)


def test_correction_table_amount_is_the_corrected_figure() -> None:
    text = ("GPU服务器采购项目变更公告\n采购人：北川电子研究所\n变更事项 | 变更前 | 变更后\n"
            "采购数量 | 2台 | 3台\n采购预算 | 300.00万元 | 450.00万元\n")
    ex = _extract(text)
    assert ex.amount is not None and ex.amount.value == 4500000


def test_duty_free_import_list_names_applicant_and_import_agent() -> None:
    text = ("科教用品免税进口货物清单\n申请单位：南川大学物理研究院\n进口代理单位：南川外经贸易有限公司\n"
            "序号 | 货物名称 | 规格型号 | 数量 | 总价（美元）\n1 | GPU服务器 | 8×NVIDIA H100 | 1 | 300,000.00\n")
    ex = _extract(text)
    assert ex.names("buyer") == ["南川大学物理研究院"]
    assert ex.names("supplier") == ["南川外经贸易有限公司"]


def test_news_headline_subject_of_a_deal_is_the_buyer() -> None:
    # A news report headed by the organisation whose platform it is, naming the winner in prose.
    text = ("北川理工大学算力中心一期建成投用\n2025-03-02  来源：北川日报\n\n"
            "本报讯 该中心部署GPU服务器16台。据悉，项目去年底完成招标，中标单位为北川启明数据技术有限公司，合同金额6800万元。\n")
    ex = _extract(text)
    assert ex.names("buyer") == ["北川理工大学"]
    assert ex.names("supplier") == ["北川启明数据技术有限公司"]


def test_what_a_party_owns_is_no_organisation() -> None:
    text = ("算力服务合同\n甲方：南湾智能研究院\n乙方：东湾云算科技有限公司\n"
            "1.1 服务器部署于乙方自建或租用机房中心，乙方现有数据中心可扩容。\n")
    ex = _extract(text)
    assert ex.names("supplier") == ["东湾云算科技有限公司"]
    assert not any(p.name.startswith(("自建", "现有")) for p in ex.parties)


def test_macau_award_notice_in_traditional_script() -> None:
    # 判給公告: 判給實體 the buyer, 判給對象 the supplier, the figure in capital numerals after 澳門元.
    text = ("判給公告：城市數據平台GPU伺服器供應\n判給實體：澳門城市規劃研究中心\n判給對象：澳門星河資訊科技有限公司\n"
            "判給金額：澳門元壹佰貳拾萬元正（MOP 1,200,000.00）\n")
    ex = _extract(text)
    assert ex.notice_type == "award"
    assert ex.names("buyer") == ["澳門城市規劃研究中心"]
    assert ex.names("supplier") == ["澳門星河資訊科技有限公司"]
    assert ex.amount is not None and ex.amount.value == 1200000 and ex.amount.currency == "MOP"


def test_english_estimate_in_patacas_is_a_budget() -> None:
    text = ("PUBLIC TENDER\nContracting entity: Macau Port Data Office, Macau SAR.\n"
            "Estimated contract value: MOP 3,400,000.00 for four GPU servers.\n")
    ex = _extract(text)
    assert ex.amount is not None and ex.amount.value == 3400000
    assert ex.amount.currency == "MOP" and ex.amount.kind == "budget"


def test_winner_label_followed_by_as_follows() -> None:
    # "确定中标单位如下：X": the label, then 如下, then the name.
    text = "论证结果公示\n采购人：北岸大学附属医院\n经院内论证，确定中标单位如下：北岸恒新医疗设备有限公司\n"
    ex = _extract(text)
    assert "北岸恒新医疗设备有限公司" in ex.names("supplier")


def test_acceptance_report_names_the_supplier_that_delivered() -> None:
    # A 验收报告 comes after the award; its basis may list the bid's 澄清文件 (no correction notice).
    text = ("东坡智能研究院\n深度学习服务器采购项目验收报告\n采购单位：东坡智能研究院\n供货单位：眉山数联电子有限公司\n"
            "合同金额：¥860,000.00元\n一、验收依据\n1. 合同；2. 投标文件及澄清文件。\n")
    ex = _extract(text)
    assert ex.notice_type == "award"
    assert ex.names("supplier") == ["眉山数联电子有限公司"]


def test_voucher_list_rows_pair_each_company_with_its_provider() -> None:
    from tendertrace.extract.tables import find_tables

    text = ("算力券拟兑付名单\n序号\t企业名称\t算力服务商\t合同金额（万元）\n"
            "1\t南塘视觉科技有限公司\t北塘云算有限公司\t50.00\n2\t西塘语音技术有限公司\t东塘智算科技有限公司\t20.00\n")
    rows = find_tables(text)[0].rows
    assert [(r.buyers[0].text, r.suppliers[0].text) for r in rows] == [
        ("南塘视觉科技有限公司", "北塘云算有限公司"), ("西塘语音技术有限公司", "东塘智算科技有限公司")]


def test_company_column_without_a_supplier_column_is_no_buyer() -> None:
    from tendertrace.extract.tables import find_tables

    text = "投标单位名单\n序号\t单位名称\t报价（元）\n1\t南塘视觉科技有限公司\t50,000.00\n"
    assert all(not r.buyers for t in find_tables(text) for r in t.rows)


def test_a_plain_text_notice_takes_its_first_line_as_its_title() -> None:
    # No title but the text's own first line, which ends as a notice's title does: the project's name
    # comes from it.
    text = ("东岭大学高性能计算平台扩容项目成交结果公告\n\n一、采购人：东岭大学\n二、成交供应商：南岸算力科技有限公司\n"
            "三、成交金额：人民币96.5万元\n")
    ex = _extract(text)
    assert ex.project_name is not None and "高性能计算平台扩容项目" in ex.project_name
    assert ex.names("buyer") == ["东岭大学"]


def test_a_paragraph_first_line_is_no_title() -> None:
    text = ("根据学校科研工作安排，现就高性能计算平台扩容有关事项说明如下，请各单位认真阅读并按要求执行，逐项落实到位，"
            "确保项目按期完成并通过验收。\n采购人：东岭大学\n")
    ex = _extract(text)
    assert not ex.project_name or "说明如下" not in ex.project_name


def test_a_performance_target_form_gives_its_filing_unit_and_funds() -> None:
    # 项目支出绩效目标申报表 (财预〔2015〕88号): 填报单位 files it, 年度资金总额 is the year's funds.
    text = ("项目支出绩效目标申报表\n（2025年度）\n（单位：万元）\n项目名称：智能计算平台建设\n"
            "填报单位：东岭大学信息化中心\n年度资金总额：120\n")
    ex = _extract(text)
    assert ex.names("buyer") == ["东岭大学信息化中心"]
    assert ex.amount is not None and ex.amount.value == 1_200_000


def test_a_speakers_pronoun_and_time_words_open_no_name() -> None:
    # Spoken or news prose puts a time and a pronoun before the joiner: 今年一季度我们跟X签了.
    from tests.extract._docs import roles

    found = roles("今年一季度我们跟北岭计算技术研究所签了一个算力租赁的合同。")
    assert "北岭计算技术研究所" in found
    found = roles("上个月我们和东岭大学签订了GPU服务器采购合同。")
    assert "东岭大学" in found and not any(n.startswith(("上个月", "我们")) for n in found)
    # a joiner inside a name stays (精密机械与物理研究所)
    assert "东岭光学精密机械与物理研究所" in roles("近日，东岭光学精密机械与物理研究所发布采购公告。")


def test_a_label_spaced_to_align_a_form_gives_its_role() -> None:
    from tests.extract._docs import roles

    found = roles("固定资产卡片\n供 应 商：西岭恒信信息技术有限公司         合同编号：JYS-117\n"
                  "使用单位：东岭研究院计算中心\n")
    assert found["西岭恒信信息技术有限公司"] == "supplier"


def test_an_invoices_ruled_columns_give_buyer_and_seller() -> None:
    # 增值税发票: 购买方信息 │ 销售方信息 heads two columns; 名称：X under each names that side.
    from tests.extract._docs import roles

    text = ("电子发票（增值税专用发票）\n┌──────────────────┬──────────────────┐\n"
            "│购买方信息        │销售方信息        │\n│名称：东岭大学信息学院 │名称：西岭鼎信电子科技有限公司│\n"
            "│纳税人识别号：（略）│纳税人识别号：9161XXXX│\n└──────────────────┴──────────────────┘\n")
    found = roles(text)
    assert found["东岭大学信息学院"] == "buyer"
    assert found["西岭鼎信电子科技有限公司"] == "supplier"


def test_an_asset_cost_and_an_invoice_total_are_amounts() -> None:
    ex = _extract("固定资产卡片\n资产名称：GPU计算服务器\n原值（元）：2,386,000.00\n")
    assert ex.amount is not None and ex.amount.value == 2_386_000
    ex = _extract("电子发票（增值税专用发票）\n价税合计（大写）　肆拾壹万贰仟捌佰圆整　（小写）¥412800.00\n")
    assert ex.amount is not None and ex.amount.value == 412_800


def test_a_day_month_year_with_hyphens_dates_an_order() -> None:
    ex = _extract("PURCHASE ORDER\nPO No.: IFT-017        PO Date:   05-Mar-2024\nVendor: Crestline Compute Pte. Ltd.\n")
    assert ex.published is not None and ex.published.isoformat() == "2024-03-05"


def test_a_scans_letter_o_in_a_model_number_reads_as_zero() -> None:
    from tendertrace.extract.mentions import find_mentions

    found = [m.normalized for m in find_mentions("配置8×NVIDIA A8OO 80GB SXM4（NVLink）") if m.kind == "chip"]
    assert found == ["nvidia-a800"]
    assert not [m for m in find_mentions("型号：OPPO A8 手机") if m.kind == "chip"]


def test_a_forms_placeholder_names_no_party_and_a_bilingual_label_gives_its_role() -> None:
    from tests.extract._docs import roles

    text = ("COMMERCIAL INVOICE / 상업송장\nSeller / 판매자:  EASTRIDGE GLOBAL TRADING CO., LTD., Seoul, Korea\n"
            "Buyer / 구매자:   东岭视觉数字技术股份有限公司\nConsignee:        Same as Buyer, c/o bonded warehouse\n")
    found = roles(text)
    assert found["EASTRIDGE GLOBAL TRADING CO., LTD."] == "supplier"
    assert found["东岭视觉数字技术股份有限公司"] == "buyer"
    ex = _extract(text)
    assert not any(p.name.lower().startswith("same as") for p in ex.parties)


def test_one_character_before_a_joiner_is_part_of_the_name() -> None:
    from tests.extract._docs import roles

    assert "云从科技集团股份有限公司" in roles("客户名称 云从科技集团股份有限公司\n")
    assert "西岭数据有限公司" in roles("东岭大学与西岭数据有限公司签订合同。")


def test_a_questions_company_is_no_name() -> None:
    from tests.extract._docs import roles

    found = roles("王×：行，合同主体是哪个公司？\n李经理：东岭星算云科技有限公司，营业执照发你邮箱了。这家公司在余杭。")
    assert "东岭星算云科技有限公司" in found
    assert not any(n.endswith("公司") and n[:-2] in ("哪个", "这家") for n in found)


def test_a_labelled_name_wrapped_onto_the_next_line_is_read_whole() -> None:
    # A scan's text or a narrow column breaks the value of 供应商名称 inside the name.
    text = ("东岭医院AI训练服务器采购项目成交结果公告\n四、成交信息\n  供应商名称：广州粤算信息技\n  术有限公司\n"
            "  成交金额：人民币壹佰叁拾捌万陆仟元整\n")
    ex = _extract(text)
    assert ex.names("supplier") == ["广州粤算信息技术有限公司"]


def test_a_labelled_value_ends_with_its_table_cell() -> None:
    ex = _extract("东岭研究院 科研项目经费报销明细表\n项目编号：NH-017 | 项目名称：多模态医学影像报告生成研究 | 项目负责人：周××\n")
    assert ex.project_name == "多模态医学影像报告生成研究"
