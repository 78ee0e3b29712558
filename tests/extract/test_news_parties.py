"""Parties of news prose and contract records, on sentences written for these tests: names the
knowledge holds without a legal form, English news verbs, a notice's publisher, wrapped PDF lines."""

from __future__ import annotations

from ._docs import roles


def test_a_listed_group_named_without_its_legal_form_is_found_where_it_buys() -> None:
    # 中国联通 is a name of the alias table (China Unicom); news prose writes no 有限公司.
    got = roles("来自官方消息显示，中国联通近日采购人工智能服务器1838台。")
    assert got == {"中国联通": "buyer"}


def test_a_known_brand_in_no_role_is_no_party() -> None:
    # 华为 stands as the maker of a chip, not as a party of the deal.
    assert "华为" not in roles("本项目采购的服务器配置华为昇腾910B加速卡。")


def test_an_english_proper_name_that_buys_is_a_buyer() -> None:
    got = roles("Kestrelworks, the Chinese parent of a video app, is tapping Nvidia chips abroad. Kestrelworks bought 2,000 servers.")
    assert got.get("Kestrelworks") == "buyer"


def test_english_news_verbs_of_buying() -> None:
    assert roles("Eastmoor University spent 200,000 yuan on a cloud account.")["Eastmoor University"] == "buyer"
    got = roles("Among the buyers were the Chinese Academy of Sciences and others.")
    assert got["Chinese Academy of Sciences"] == "buyer"


def test_a_contract_record_names_its_buyer_and_appointed_suppliers() -> None:
    text = ("Redmoor University (RMU) has completed a procurement process for laptops. "
            "Fenwick Ltd and Harrow Systems Limited were appointed as suppliers for Lot 1 and Lot 2.")
    got = roles(text)
    assert got["Redmoor University"] == "buyer"
    assert got["Fenwick Ltd"] == "supplier" and got["Harrow Systems Limited"] == "supplier"


def test_the_one_asked_to_supply_is_the_supplier() -> None:
    got = roles("The operator has asked Redstone Group (红石通信), a Hubei-based IT company, to supply the hardware.")
    assert got["Redstone Group"] == "supplier"


def test_the_body_that_publishes_a_notice_is_its_buyer() -> None:
    got = roles("近日，中央国家机关政府采购中心发布了台式计算机批量集中采购项目的中标公告。")
    assert got == {"中央国家机关政府采购中心": "buyer"}


def test_a_short_name_before_its_stock_code_is_a_company() -> None:
    got = roles("据公告，中贝通信(603220)为该数据中心提供服务器，金开新能（600821）采购了这些服务器。")
    assert got.get("中贝通信") is not None and got.get("金开新能") == "buyer"


def test_a_disclosure_reference_to_itself_is_no_name() -> None:
    got = roles("本次议案尚需提交公司股东会审议，为优化公司资产结构，交易对手方为公司控股股东。")
    assert not any(name.endswith("公司") for name in got)


def test_a_wrapped_line_of_a_pdf_does_not_end_the_clause() -> None:
    text = ("全资子公司成都岷川智算科技有限责任公司(以下简称“岷川智\n算”)向控股股东广州市穗联计算机科技有限公司(以下简称“控股股东”)采购设备(AI 服务器)并签订合同。")
    got = roles(text)
    assert got["成都岷川智算科技有限责任公司"] == "buyer"
    assert got["广州市穗联计算机科技有限公司"] == "supplier"


def test_a_fragment_before_a_name_that_opens_with_its_place_is_cut() -> None:
    got = roles("公司的控股子\n公司北京青川智算科技有限公司(以下简称“青川智算”)与客户签订的《GPU 算力服务协议》")
    assert got.get("北京青川智算科技有限公司") == "supplier"


def test_english_prose_spending_is_the_amount() -> None:
    from ._docs import ex_of

    ex = ex_of("Eastmoor University spent 200,000 yuan (US$28,027) on an overseas cloud account.")
    assert ex.amount is not None and ex.amount.value == 200000


def test_a_label_whose_figure_a_pdf_wrapped_onto_the_next_line() -> None:
    from ._docs import ex_of

    ex = ex_of("全资子公司向控股股东采购设备(AI 服务器)并签订《产品采购合同》,合同金额为人民币\n144,080,000.00 元(含税)。")
    assert ex.amount is not None and ex.amount.value == 144080000


def test_a_short_name_a_bracket_defines_stands_for_the_full_name() -> None:
    text = ("公司收到控股子公司四川岷算智算科技有限公司(以下简称四川岷算)出具的说明。"
            "截至2024年2月29日，供应商A已合计向四川岷算交付35台服务器。")
    got = roles(text)
    assert got.get("四川岷算智算科技有限公司") == "buyer"
    assert "四川岷算" not in got  # the short name is the full name's, no party of its own


def test_bodies_listed_before_the_publishing_verb_are_all_buyers() -> None:
    got = roles("9月26日,江城证券交易所、江交所技术有限责任公司发布《2024年服务器资源池集采项目》招标公告。")
    assert got == {"江城证券交易所": "buyer", "江交所技术有限责任公司": "buyer"}


def test_a_hong_kong_filing_defines_a_short_name_in_corner_quotes() -> None:
    got = roles("本公司全资附属公司祥川发展有限公司(「祥川」)与第三方就祥川收购常州云岭数据技术有限公司订立股权转让协议。")
    assert got["祥川发展有限公司"] == "buyer"
    assert "收购常州云岭数据技术有限公司" not in got


def test_a_framework_share_names_its_winners() -> None:
    got = roles("本次集采中，中国移动是采购方，浪潮信息获得了最大的中标份额，中科可控预计中标数量568台。")
    assert got.get("浪潮信息") == "supplier" and got.get("中科可控") == "supplier"


def test_a_province_and_an_operator_name_the_provincial_company() -> None:
    got = roles("近日，宁夏电信“2024年大模型服务能力采购项目”中标候选人名单出炉。")
    assert got == {"宁夏电信": "buyer"}


def test_english_news_names_the_intermediary_and_the_one_that_said_it_bought() -> None:
    got = roles("Eastmoor University got the service via an intermediary, Harrow Data Technology Ltd, the document showed.")
    assert got.get("Harrow Data Technology Ltd") == "supplier"
    got = roles("Redmoor Institute of Optics, which designs lenses, said in a tender document it spent 60,000 yuan on an account.")
    assert got.get("Redmoor Institute of Optics") == "buyer"


def test_a_news_list_item_then_the_paragraph_that_says_it_bought() -> None:
    text = "2. Redmoor Institute of Optics\nThe state-backed entity said in an April tender document it spent 600,000 yuan.\n"
    assert roles(text).get("Redmoor Institute of Optics") == "buyer"


def test_a_buyer_quoted_after_its_role_word() -> None:
    assert roles("本次采购的商品是一台笔记本电脑，采购人为“临川市公安局”。").get("临川市公安局") == "buyer"


def test_english_names_coordinated_before_a_buying_subject_buy_with_it() -> None:
    got = roles("Chinese companies including Kestrelworks, Harrow Group and Redmoor Holdings have placed orders for H20 chips.")
    assert got.get("Kestrelworks") == "buyer" and got.get("Redmoor Holdings") == "buyer"


def test_names_listed_with_a_winner_won_with_it() -> None:
    got = roles("本次集采，江城数算科技有限公司、临港云数科技有限公司和北岭信息技术有限公司中标。")
    assert set(got.values()) == {"supplier"} and len(got) == 3


def test_the_intermediary_that_tops_up_is_the_supplier() -> None:
    got = roles("因无法使用境内银行卡直接支付，本季度统一通过杭州岭栈网络科技有限公司代充值。")
    assert got == {"杭州岭栈网络科技有限公司": "supplier"}


def test_the_body_that_invites_bids_is_the_buyer() -> None:
    got = roles("香港雲嶺創新研究院有限公司（下稱「本院」）現邀請合資格服務供應商就以下服務提交標書。")
    assert got == {"香港雲嶺創新研究院有限公司": "buyer"}


def test_a_year_after_an_amount_label_is_no_amount() -> None:
    from ._docs import ex_of

    ex = ex_of("与去年相比，采购金额上有所下降，券商认为这或是由于2024年上半年交易量萎靡。")
    assert ex.amount is None
