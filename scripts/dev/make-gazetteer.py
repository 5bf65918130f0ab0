#!/usr/bin/env python3
"""Writes config/gazetteer.json from the compact tables below (run from the repo root).

The gazetteer is data: provinces, prefecture cities, districts and counties (full for Hunan,
Chongqing and Huzhou, the areas local papers like ours cover most), major cities elsewhere, and
streets seen in such papers. `short` lists the forms papers use without the administrative
suffix (宁乡 for 宁乡市); only distinctive ones, since short forms are matched in running text.
"""
import json

places = []

def add(name, level, parent=None, short=()):
    places.append({"name": name, "level": level, "parent": parent, "short": list(short)})

provinces = {
    "北京市": ["北京"], "天津市": ["天津"], "上海市": ["上海"], "重庆市": ["重庆"],
    "河北省": ["河北"], "山西省": ["山西"], "内蒙古自治区": ["内蒙古"], "辽宁省": ["辽宁"], "吉林省": [],
    "黑龙江省": ["黑龙江"], "江苏省": ["江苏"], "浙江省": ["浙江"], "安徽省": ["安徽"], "福建省": ["福建"],
    "江西省": ["江西"], "山东省": ["山东"], "河南省": ["河南"], "湖北省": ["湖北"], "湖南省": ["湖南"],
    "广东省": ["广东"], "广西壮族自治区": ["广西"], "海南省": ["海南"], "四川省": ["四川"], "贵州省": ["贵州"],
    "云南省": ["云南"], "西藏自治区": ["西藏"], "陕西省": ["陕西"], "甘肃省": ["甘肃"], "青海省": ["青海"],
    "宁夏回族自治区": ["宁夏"], "新疆维吾尔自治区": ["新疆"], "香港特别行政区": ["香港"], "澳门特别行政区": ["澳门"],
    "台湾省": ["台湾"],
}
for name, short in provinces.items():
    add(name, "province", None, short)

def city(name, province, districts=(), short=None, counties=()):
    add(name, "city", province, [name[:-1]] if short is None and name.endswith("市") else (short or []))
    for d in districts:
        add(d, "district", name)
    for c in counties:
        # County-level cities and counties are called by their short names in running text.
        s = []
        if (c.endswith("市") or c.endswith("县")) and len(c) >= 3 and "自治" not in c:
            s = [c[:-1]]
        add(c, "county", name, s)

hunan = "湖南省"
city("长沙市", hunan, ["芙蓉区", "天心区", "岳麓区", "开福区", "雨花区", "望城区"], counties=["长沙县", "浏阳市", "宁乡市"])
city("株洲市", hunan, ["荷塘区", "芦淞区", "石峰区", "天元区", "渌口区"], counties=["攸县", "茶陵县", "炎陵县", "醴陵市"])
city("湘潭市", hunan, ["雨湖区", "岳塘区"], counties=["湘潭县", "湘乡市", "韶山市"])
city("衡阳市", hunan, ["珠晖区", "雁峰区", "石鼓区", "蒸湘区", "南岳区"], counties=["衡阳县", "衡南县", "衡山县", "衡东县", "祁东县", "耒阳市", "常宁市"])
city("邵阳市", hunan, ["双清区", "大祥区", "北塔区"], counties=["新邵县", "邵阳县", "隆回县", "洞口县", "绥宁县", "新宁县", "城步苗族自治县", "武冈市", "邵东市"])
city("岳阳市", hunan, ["岳阳楼区", "云溪区", "君山区"], counties=["岳阳县", "华容县", "湘阴县", "平江县", "汨罗市", "临湘市"])
city("常德市", hunan, ["武陵区", "鼎城区"], counties=["安乡县", "汉寿县", "澧县", "临澧县", "桃源县", "石门县", "津市市"])
city("张家界市", hunan, ["永定区", "武陵源区"], counties=["慈利县", "桑植县"])
city("益阳市", hunan, ["资阳区", "赫山区"], counties=["南县", "桃江县", "安化县", "沅江市"])
city("郴州市", hunan, ["北湖区", "苏仙区"], counties=["桂阳县", "宜章县", "永兴县", "嘉禾县", "临武县", "汝城县", "桂东县", "安仁县", "资兴市"])
city("永州市", hunan, ["零陵区", "冷水滩区"], counties=["东安县", "双牌县", "道县", "江永县", "宁远县", "蓝山县", "新田县", "江华瑶族自治县", "祁阳市"])
city("怀化市", hunan, ["鹤城区"], counties=["中方县", "沅陵县", "辰溪县", "溆浦县", "会同县", "麻阳苗族自治县", "新晃侗族自治县", "芷江侗族自治县", "靖州苗族侗族自治县", "通道侗族自治县", "洪江市"])
city("娄底市", hunan, ["娄星区"], counties=["双峰县", "新化县", "冷水江市", "涟源市"])
city("湘西土家族苗族自治州", hunan, [], short=["湘西"], counties=["吉首市", "泸溪县", "凤凰县", "花垣县", "保靖县", "古丈县", "永顺县", "龙山县"])

zj = "浙江省"
city("杭州市", zj, ["上城区", "拱墅区", "西湖区", "滨江区", "萧山区", "余杭区", "临平区", "钱塘区", "富阳区", "临安区"], counties=["桐庐县", "淳安县", "建德市"])
city("湖州市", zj, ["吴兴区", "南浔区"], counties=["德清县", "长兴县", "安吉县"])
for c in ["宁波市", "温州市", "嘉兴市", "绍兴市", "金华市", "衢州市", "舟山市", "台州市", "丽水市"]:
    city(c, zj)

# Chongqing is a province-level municipality: its districts and counties hang off it directly.
for d in ["万州区", "涪陵区", "渝中区", "大渡口区", "江北区", "沙坪坝区", "九龙坡区", "南岸区", "北碚区", "綦江区", "大足区",
          "渝北区", "巴南区", "黔江区", "长寿区", "江津区", "合川区", "永川区", "南川区", "璧山区", "铜梁区", "潼南区",
          "荣昌区", "开州区", "梁平区", "武隆区"]:
    distinctive = {"万州区", "涪陵区", "渝中区", "綦江区", "大足区", "渝北区", "巴南区", "黔江区", "江津区", "合川区",
                   "永川区", "璧山区", "铜梁区", "潼南区", "荣昌区", "开州区", "梁平区", "武隆区", "沙坪坝区", "九龙坡区"}
    add(d, "district", "重庆市", [d[:-1]] if d in distinctive else [])
for c in ["城口县", "丰都县", "垫江县", "忠县", "云阳县", "奉节县", "巫山县", "巫溪县", "石柱土家族自治县",
          "秀山土家族苗族自治县", "酉阳土家族苗族自治县", "彭水苗族土家族自治县"]:
    add(c, "county", "重庆市", [c[:-1]] if len(c) == 3 else [])

xz = "西藏自治区"
city("拉萨市", xz)
city("昌都市", xz, ["卡若区"], counties=["江达县", "贡觉县", "类乌齐县", "丁青县", "察雅县", "八宿县", "左贡县", "芒康县", "洛隆县", "边坝县"])
for c in ["日喀则市", "林芝市", "山南市", "那曲市"]:
    city(c, xz)

elsewhere = {
    "江苏省": ["南京市", "无锡市", "徐州市", "常州市", "苏州市", "南通市", "扬州市"],
    "广东省": ["广州市", "深圳市", "珠海市", "佛山市", "东莞市"],
    "湖北省": ["武汉市", "宜昌市", "襄阳市"], "四川省": ["成都市", "绵阳市"], "陕西省": ["西安市", "延安市"],
    "河南省": ["郑州市", "洛阳市"], "安徽省": ["合肥市"], "江西省": ["南昌市", "赣州市", "井冈山市"],
    "福建省": ["福州市", "厦门市"], "山东省": ["济南市", "青岛市"], "黑龙江省": ["哈尔滨市"], "辽宁省": ["沈阳市", "大连市"],
    "吉林省": ["长春市"], "河北省": ["石家庄市", "雄安新区"], "山西省": ["太原市"], "云南省": ["昆明市"], "贵州省": ["贵阳市", "遵义市"],
    "广西壮族自治区": ["南宁市", "桂林市"], "海南省": ["海口市", "三亚市"], "甘肃省": ["兰州市"], "青海省": ["西宁市"],
    "宁夏回族自治区": ["银川市"], "新疆维吾尔自治区": ["乌鲁木齐市"], "内蒙古自治区": ["呼和浩特市"],
}
for province, cities in elsewhere.items():
    for c in cities:
        city(c, province, short=[] if not c.endswith("市") else None)

streets = {
    "天心区": ["金盆岭街道", "坡子街街道", "城南路街道"], "岳麓区": ["望岳街道", "橘子洲街道"], "雨花区": ["侯家塘街道"],
    "天元区": ["泰山路街道", "嵩山路街道", "栗雨街道"], "石峰区": ["学林街道", "田心街道", "响石岭街道"],
    "荷塘区": ["月塘街道"], "芦淞区": ["建设街道"], "开州区": ["汉丰街道", "云枫街道", "文峰街道"],
    "璧山区": ["璧城街道", "璧泉街道"],
}
for parent, names in streets.items():
    for s in names:
        add(s, "street", parent)

# A short form shared by two places (长沙 for 长沙市 and 长沙县) belongs to the higher level only.
rank = {"province": 0, "city": 1, "district": 2, "county": 2, "street": 3, "community": 4}
owner = {}
for p in places:
    for s in p["short"]:
        if s not in owner or rank[p["level"]] < rank[owner[s]["level"]]:
            owner[s] = p
for p in places:
    p["short"] = [s for s in p["short"] if owner[s] is p]

for p in places:
    if p["parent"] is None:
        del p["parent"]
    if not p["short"]:
        del p["short"]

doc = {
    "// doc": "Places and their parents. Generated by scripts/dev/make-gazetteer.py; edit the tables there. "
              "level: province | city | district | county | street | community. short: forms used without the suffix.",
    "places": places,
}
with open("config/gazetteer.json", "w", encoding="utf-8") as f:
    json.dump(doc, f, ensure_ascii=False, indent=1)
    f.write("\n")
print(len(places), "places")
