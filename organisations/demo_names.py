"""Vocabulary for plausible demo people and units of Cao Bằng (Tày, Nùng, H'Mông, Dao,
Kinh, Sán Chay, Lô Lô...)."""

# ethnic group -> (weight in the province's population, family names)
ETHNIC_GROUPS = {
    "Tày": (40, ["Nông", "Hoàng", "Bế", "Lục", "Đàm", "Lương", "Sầm", "Mạc", "Hà", "Nông", "Hoàng", "Lâm"]),
    "Nùng": (30, ["Hoàng", "Nông", "Lý", "Triệu", "Lăng", "Hứa", "Chu", "Vi", "Lô", "Mã"]),
    "H'Mông": (10, ["Lý", "Giàng", "Vàng", "Thào", "Sùng", "Hầu", "Mùa", "Lầu"]),
    "Dao": (10, ["Triệu", "Bàn", "Đặng", "Lý", "Chu", "Phùng"]),
    "Kinh": (8, ["Nguyễn", "Trần", "Lê", "Phạm", "Vũ", "Đỗ", "Bùi", "Đặng", "Ngô", "Dương"]),
    "Sán Chay": (1, ["Hoàng", "Lục", "Đàm"]),
    "Lô Lô": (1, ["Chi", "Sằm", "Lò"]),
}
MIDDLE_MALE = ["Văn", "Văn", "Văn", "Đức", "Minh", "Quốc", "Hữu", "Thanh", "Xuân"]
MIDDLE_FEMALE = ["Thị", "Thị", "Thị", "Thu", "Ngọc", "Hồng", "Minh", "Thanh", "Kim"]
GIVEN_MALE = ["Hùng", "Dũng", "Tuấn", "Minh", "Hải", "Long", "Thắng", "Cường", "Sơn", "Quang", "Phong", "Bình",
              "Khánh", "Toàn", "Trung", "Nam", "Hiếu", "Đạt", "Vinh", "Lâm", "Tùng", "Kiên", "Thành", "Chiến"]
GIVEN_FEMALE = ["Lan", "Hoa", "Hương", "Mai", "Thảo", "Hà", "Linh", "Nga", "Huyền", "Ngọc", "Trang", "Yến",
                "Dung", "Thúy", "Hạnh", "Nhung", "Phương", "Duyên", "Oanh", "Liên", "Vân", "Loan", "Thơm", "Xuân"]

POSITIONS = {
    "officer": ["Chủ tịch Công đoàn cơ sở", "Phó Chủ tịch Công đoàn", "Ủy viên Ban Chấp hành", "Tổ trưởng Công đoàn"],
    "civil_servant": ["Chuyên viên", "Công chức Văn phòng - Thống kê", "Công chức Địa chính", "Kế toán"],
    "public_employee": ["Giáo viên", "Bác sĩ", "Điều dưỡng", "Nhân viên y tế", "Giáo viên mầm non", "Thủ thư"],
    "worker": ["Công nhân", "Công nhân vận hành", "Lái xe", "Nhân viên kỹ thuật", "Bảo vệ", "Công nhân xây dựng"],
}

# District-level federations of 2015, with communes/towns for grassroots unit names.
DISTRICTS = {
    "Thành phố Cao Bằng": ["Hợp Giang", "Sông Hiến", "Đề Thám", "Tân Giang", "Sông Bằng", "Ngọc Xuân", "Hòa Chung", "Duyệt Trung"],
    "Bảo Lạc": ["Bảo Lạc", "Cô Ba", "Hồng Trị", "Huy Giáp", "Khánh Xuân", "Xuân Trường", "Hưng Đạo"],
    "Bảo Lâm": ["Pác Miầu", "Lý Bôn", "Mông Ân", "Nam Quang", "Quảng Lâm", "Thạch Lâm", "Vĩnh Phong"],
    "Hạ Lang": ["Thanh Nhật", "Quang Long", "Đồng Loan", "Kim Loan", "Lý Quốc", "Thị Hoa", "Vinh Quý"],
    "Hà Quảng": ["Xuân Hòa", "Thông Nông", "Trường Hà", "Lũng Nặm", "Sóc Hà", "Quý Quân", "Nà Sác"],
    "Hòa An": ["Nước Hai", "Dân Chủ", "Nam Tuấn", "Đức Long", "Bạch Đằng", "Hồng Việt", "Bình Long", "Trưng Vương"],
    "Nguyên Bình": ["Nguyên Bình", "Tĩnh Túc", "Thành Công", "Minh Tâm", "Thể Dục", "Ca Thành", "Vũ Nông"],
    "Quảng Hòa": ["Quảng Uyên", "Hòa Thuận", "Tà Lùng", "Phúc Sen", "Chí Thảo", "Cách Linh", "Đại Sơn"],
    "Thạch An": ["Đông Khê", "Đức Long", "Lê Lai", "Thị Ngân", "Canh Tân", "Minh Khai", "Quang Trọng"],
    "Trùng Khánh": ["Trùng Khánh", "Trà Lĩnh", "Đàm Thủy", "Chí Viễn", "Đình Phong", "Khâm Thành", "Phong Châu"],
}
DISTRICT_CODES = {
    "Thành phố Cao Bằng": "TPCB", "Bảo Lạc": "BLAC", "Bảo Lâm": "BLAM", "Hạ Lang": "HLANG", "Hà Quảng": "HQUANG",
    "Hòa An": "HOAAN", "Nguyên Bình": "NBINH", "Quảng Hòa": "QHOA", "Thạch An": "TAN", "Trùng Khánh": "TKHANH",
}
# Grassroots unit patterns under a district, by commune.
DISTRICT_GRASSROOTS = [
    "CĐCS Trường Mầm non {c}", "CĐCS Trường Tiểu học {c}", "CĐCS Trường THCS {c}", "CĐCS Cơ quan Đảng - Đoàn thể xã {c}",
    "CĐCS UBND xã {c}", "CĐCS Trạm Y tế xã {c}", "CĐCS Trường PTDTBT THCS {c}", "CĐCS Hợp tác xã Nông nghiệp {c}",
]

SECTOR_UNIONS = [
    ("Công đoàn Giáo dục tỉnh Cao Bằng", "CĐ Giáo dục", "CDGD", [
        "CĐCS Trường THPT Thành phố Cao Bằng", "CĐCS Trường THPT Chuyên Cao Bằng", "CĐCS Trường THPT Hòa An",
        "CĐCS Trường THPT Nà Giàng", "CĐCS Trường THPT Bảo Lạc", "CĐCS Trường THPT Quảng Uyên",
        "CĐCS Trường THPT Trùng Khánh", "CĐCS Trường PT Dân tộc Nội trú tỉnh", "CĐCS Trường Cao đẳng Sư phạm Cao Bằng",
        "CĐCS Cơ quan Sở Giáo dục và Đào tạo"]),
    ("Công đoàn ngành Y tế tỉnh Cao Bằng", "CĐ Y tế", "CDYT", [
        "CĐCS Bệnh viện Đa khoa tỉnh", "CĐCS Bệnh viện Y dược cổ truyền", "CĐCS Trung tâm Kiểm soát bệnh tật tỉnh",
        "CĐCS Trung tâm Y tế Hòa An", "CĐCS Trung tâm Y tế Bảo Lạc", "CĐCS Trung tâm Y tế Trùng Khánh",
        "CĐCS Cơ quan Sở Y tế", "CĐCS Bệnh viện Phục hồi chức năng"]),
    ("Công đoàn ngành Công Thương tỉnh Cao Bằng", "CĐ Công Thương", "CDCT", [
        "CĐCS Công ty CP Xi măng Cao Bằng", "CĐCS Công ty Gang thép Cao Bằng", "CĐCS Công ty CP Khoáng sản Tài Chang",
        "CĐCS Cơ quan Sở Công Thương", "CĐCS Công ty Xăng dầu Cao Bằng", "CĐCS Chi cục Quản lý thị trường"]),
    ("Công đoàn ngành Nông nghiệp và PTNT tỉnh Cao Bằng", "CĐ Nông nghiệp và PTNT", "CDNN", [
        "CĐCS Cơ quan Sở Nông nghiệp và PTNT", "CĐCS Chi cục Kiểm lâm", "CĐCS Công ty TNHH MTV Quản lý thủy nông",
        "CĐCS Trung tâm Khuyến nông", "CĐCS Ban Quản lý rừng phòng hộ"]),
    ("Công đoàn ngành Giao thông vận tải - Xây dựng tỉnh Cao Bằng", "CĐ GTVT - Xây dựng", "CDGTXD", [
        "CĐCS Cơ quan Sở Giao thông vận tải", "CĐCS Công ty CP Quản lý và Xây dựng giao thông",
        "CĐCS Bến xe khách Cao Bằng", "CĐCS Cơ quan Sở Xây dựng", "CĐCS Công ty CP Cấp thoát nước"]),
]
CIVIL_SERVANTS_GRASSROOTS = [
    "CĐCS Văn phòng UBND tỉnh", "CĐCS Sở Tài chính", "CĐCS Sở Kế hoạch và Đầu tư", "CĐCS Sở Nội vụ",
    "CĐCS Sở Tư pháp", "CĐCS Sở Tài nguyên và Môi trường", "CĐCS Sở Văn hóa, Thể thao và Du lịch",
    "CĐCS Sở Lao động - Thương binh và Xã hội", "CĐCS Văn phòng Tỉnh ủy", "CĐCS Thanh tra tỉnh",
]
DIRECT_GRASSROOTS = [
    "CĐCS Cơ quan Liên đoàn Lao động tỉnh", "CĐCS Công ty TNHH MTV Xổ số kiến thiết Cao Bằng",
    "CĐCS Báo Cao Bằng", "CĐCS Đài Phát thanh - Truyền hình Cao Bằng", "CĐCS Công ty CP Dược phẩm Cao Bằng",
    "CĐCS Công ty TNHH Thiên Phú", "CĐCS Công ty CP Môi trường đô thị Cao Bằng",
]
CENTRAL_SECTOR = [
    "Công đoàn Công ty Điện lực Cao Bằng", "Công đoàn Bưu điện tỉnh Cao Bằng", "Công đoàn Viettel Cao Bằng",
    "Công đoàn Ngân hàng Nông nghiệp chi nhánh Cao Bằng", "Công đoàn Kho bạc Nhà nước Cao Bằng",
    "Công đoàn Cục Thuế tỉnh Cao Bằng",
]
