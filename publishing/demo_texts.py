"""Texts of the demo: news about good people and good deeds in Cao Bằng's trade unions, and the
advanced models they tell of. Names of people are invented; places are real."""

# Where an article or model belongs: a key the loader resolves to a unit and a writer.
#   "cdcs"      the grassroots union of the demo user canbo.cdcs (Hòa An)
#   "hoaan:X"   a grassroots union of Hòa An whose name contains X (written by canbo.hoaan)
#   "hoaan"     the Hòa An federation itself
#   "baolac:X"  a grassroots union of Bảo Lạc (canbo.baolac)
#   "gd:X"      a school of the provincial education union (canbo.giaoduc)
#   "tinh:X"    any unit whose name contains X (canbo.tinh, the provincial officer)
#   "tinh"      the provincial federation itself

# status, months back, day, hour, unit key, category slug, title, lead, body, image colour, model key, return comment
ARTICLES = [
    ("published", 1, 4, 8, "baolac:Tiểu học", "nguoi-tot-viec-tot",
     "Cô giáo Bảo Lạc mười năm dắt học trò qua suối đến trường",
     "Mỗi sáng mùa mưa, cô giáo Triệu Thị Mến ở điểm trường Khuổi Khon lại lội suối, dắt từng tốp học trò nhỏ đến "
     "lớp an toàn.",
     """<p>Điểm trường Khuổi Khon cách trung tâm xã hơn 7 km, đường đất men theo sườn núi và hai lần cắt qua suối. Mùa mưa, nước suối dâng cao chỉ sau một trận mưa rào; nhiều phụ huynh lên nương từ sớm nên không thể đưa con đến trường.</p>
<p>Từ năm 2015, cô Triệu Thị Mến, đoàn viên Công đoàn cơ sở nhà trường, tự nguyện đến sớm hơn giờ vào lớp một tiếng để đón học sinh ở đầu bản. Cô buộc dây thừng dọc lối qua suối, dặn các em nắm tay nhau đi thành hàng.</p>
<h3>Không để học trò nào bỏ học</h3>
<p>Nhờ sự kiên trì ấy, mười năm qua điểm trường không có học sinh bỏ học giữa chừng; tỉ lệ chuyên cần đạt <strong>98%</strong>. Công đoàn nhà trường đã vận động đoàn viên góp tiền mua 35 bộ áo mưa và ủng cho học sinh trước mùa mưa lũ.</p>
<blockquote>“Các em còn nhỏ, chỉ cần một buổi sáng không có người lớn đi cùng là cha mẹ đã giữ con ở nhà. Mình đi cùng thì các em đi học đều”, cô Mến chia sẻ.</blockquote>
<p>Tấm gương của cô Mến đã được Liên đoàn Lao động huyện Bảo Lạc biểu dương trong phong trào “Giỏi việc trường, đảm việc nhà”.</p>""",
     (70, 130, 90), "teacher", None),
    ("published", 1, 8, 9, "cdcs", "nguoi-tot-viec-tot",
     "Mái ấm Công đoàn cho chị Lục Thị Hoa ở Nước Hai",
     "Sau ba tháng khởi công, ngôi nhà “Mái ấm Công đoàn” rộng 60 m² đã được bàn giao cho đoàn viên Lục Thị Hoa, "
     "người một mình nuôi hai con nhỏ.",
     """<p>Ngôi nhà cũ của chị Hoa là nhà sàn gỗ tạp đã xuống cấp, mái ngói thủng nhiều chỗ; mỗi mùa mưa cả nhà phải dồn đồ đạc vào một góc. Biết hoàn cảnh của chị, Ban Chấp hành Công đoàn cơ sở đề xuất Liên đoàn Lao động huyện Hòa An hỗ trợ xây nhà từ quỹ “Mái ấm Công đoàn”.</p>
<p>Tổng kinh phí xây dựng hơn <strong>120 triệu đồng</strong>, trong đó Quỹ Mái ấm Công đoàn hỗ trợ 50 triệu đồng, đoàn viên trong đơn vị đóng góp 28 triệu đồng và 160 ngày công; phần còn lại do gia đình và họ hàng góp sức.</p>
<blockquote>“Tôi không nghĩ mình có được ngôi nhà vững chãi thế này. Các con tôi sẽ có chỗ học bài tử tế”, chị Hoa xúc động nói trong lễ bàn giao.</blockquote>
<p>Đây là ngôi nhà “Mái ấm Công đoàn” thứ 12 được xây dựng trên địa bàn huyện Hòa An từ đầu năm.</p>""",
     (180, 110, 60), "home", "Đề nghị bổ sung số liệu kinh phí và số ngày công đoàn viên đóng góp."),
    ("published", 1, 12, 10, "tinh:Xi măng", "mo-hinh-hay",
     "Sáng kiến tiết kiệm gần 300 tấn xi măng mỗi năm ở Công ty CP Xi măng Cao Bằng",
     "Cải tiến hệ thống định lượng phụ gia của tổ sáng kiến phân xưởng Nghiền đã giúp công ty tiết kiệm gần 300 tấn "
     "xi măng mỗi năm, làm lợi hơn 400 triệu đồng.",
     """<p>Trước đây, việc định lượng phụ gia cho máy nghiền xi măng được điều chỉnh bằng tay theo kinh nghiệm của công nhân vận hành, nên lượng clinker hao hụt lớn và chất lượng giữa các mẻ không đều.</p>
<p>Anh Nông Văn Tuấn, tổ trưởng tổ vận hành, cùng bốn đồng nghiệp đã mày mò lắp thêm cảm biến tải trọng và bộ điều khiển tự động cho băng cân, tận dụng thiết bị cũ của nhà máy. Sau sáu tháng chạy thử, tỉ lệ hao hụt giảm từ 2,1% xuống còn 0,8%.</p>
<table><thead><tr><th>Chỉ tiêu</th><th>Trước cải tiến</th><th>Sau cải tiến</th></tr></thead>
<tbody><tr><td>Tỉ lệ hao hụt</td><td>2,1%</td><td>0,8%</td></tr><tr><td>Xi măng tiết kiệm</td><td>—</td><td>296 tấn/năm</td></tr></tbody></table>
<p>Sáng kiến được Hội đồng sáng kiến của công ty công nhận, mang lại giá trị làm lợi hơn 400 triệu đồng mỗi năm. Công đoàn công ty đã đề nghị Liên đoàn Lao động tỉnh tặng Bằng khen cho tổ sáng kiến trong phong trào “Lao động giỏi, lao động sáng tạo”.</p>""",
     (110, 110, 120), "cement", None),
    ("published", 1, 15, 14, "tinh", "hoat-dong-cong-doan",
     "Liên đoàn Lao động tỉnh sơ kết 9 tháng phong trào thi đua yêu nước",
     "Hội nghị đánh giá 100% công đoàn cơ sở đã xây dựng kế hoạch thi đua, hơn 1.200 sáng kiến được công nhận và "
     "46 điển hình tiên tiến được phát hiện, bồi dưỡng.",
     """<p>Chín tháng qua, các cấp công đoàn trong tỉnh đã quán triệt kế hoạch thi đua đến hơn 38.000 đoàn viên, công chức, viên chức, người lao động thông qua các buổi sinh hoạt định kỳ của cơ quan, đơn vị.</p>
<p>Phong trào “Lao động giỏi, lao động sáng tạo” có hơn 1.200 sáng kiến, cải tiến kỹ thuật được công nhận, giá trị làm lợi ước tính trên 25 tỉ đồng. Phong trào “Cao Bằng chung sức xây dựng nông thôn mới” huy động đoàn viên đóng góp hơn 9.000 ngày công làm đường giao thông nông thôn.</p>
<h3>Nhân rộng điển hình tiên tiến</h3>
<p>Các cấp công đoàn đã phát hiện, bồi dưỡng 46 điển hình tiên tiến; 12 mô hình được nhân rộng ra các đơn vị khác. Hội nghị đề nghị các cấp công đoàn tăng cường viết tin, bài về người tốt, việc tốt trên Bản tin nội bộ và Cổng thông tin điện tử của Liên đoàn Lao động tỉnh.</p>""",
     (31, 78, 121), None, None),
    ("published", 1, 18, 8, "tinh:Trung tâm Y tế Hòa An|Trạm Y tế", "nguoi-tot-viec-tot",
     "Nữ điều dưỡng vượt núi đưa vắc-xin đến từng bản",
     "Hơn mười năm công tác ở trạm y tế xã, chị Hoàng Thị Thơm đã đi bộ hàng nghìn cây số để không trẻ nào trong "
     "xã bị bỏ sót tiêm chủng.",
     """<p>Những bản xa nhất của xã cách trạm y tế gần 15 km đường núi. Mỗi đợt tiêm chủng, chị Thơm cùng đồng nghiệp mang thùng lạnh bảo quản vắc-xin trên lưng, xuất phát từ 5 giờ sáng.</p>
<p>Chị còn tranh thủ các buổi họp bản để tuyên truyền cho bà con về lợi ích của tiêm chủng, đặc biệt với các gia đình người H'Mông và Dao còn e ngại. Năm qua, tỉ lệ tiêm chủng đầy đủ của xã đạt 99,2%.</p>
<p>Công đoàn cơ sở đã đề nghị biểu dương chị Thơm là điển hình “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh” năm nay.</p>""",
     (60, 150, 160), "nurse", None),
    ("published", 1, 21, 9, "hoaan:UBND|Tiểu học Dân Chủ", "mo-hinh-hay",
     "Tổ đoàn viên tự quản đường làng góp sức xây dựng nông thôn mới",
     "Mô hình “Tổ đoàn viên tự quản đường làng, ngõ xóm” đã huy động đoàn viên hiến đất, góp hơn 1.200 ngày công "
     "làm 4,5 km đường bê tông.",
     """<p>Mỗi tổ tự quản gồm 5 đến 7 đoàn viên, nhận phụ trách một tuyến đường: vận động các hộ hiến đất mở rộng mặt đường, tổ chức làm vệ sinh hằng tháng và trồng hoa hai bên lối đi.</p>
<p>Sau hai năm, xã đã bê tông hóa 4,5 km đường thôn, xóm; 38 hộ tự nguyện hiến hơn 2.000 m² đất. Mô hình góp phần để xã hoàn thành tiêu chí giao thông trong bộ tiêu chí nông thôn mới.</p>
<p>Liên đoàn Lao động huyện Hòa An đánh giá đây là cách làm hay của phong trào “Cao Bằng chung sức xây dựng nông thôn mới” và đã hướng dẫn nhân rộng ra các xã lân cận.</p>""",
     (120, 160, 70), "road", None),
    ("published", 1, 25, 15, "tinh", "thi-dua-khen-thuong",
     "Tuyên dương 45 điển hình tiên tiến trong học tập và làm theo Bác",
     "Liên đoàn Lao động tỉnh đã khen thưởng 15 tập thể và 30 cá nhân có thành tích tiêu biểu trong học tập và làm "
     "theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
     """<p>Các tập thể, cá nhân được tuyên dương là những tấm gương bình dị ở mọi lĩnh vực: thầy cô giáo vùng cao, y bác sĩ tận tụy, công nhân có nhiều sáng kiến, cán bộ công đoàn cơ sở gần gũi đoàn viên.</p>
<p>Phát biểu tại buổi lễ, đồng chí Chủ tịch Liên đoàn Lao động tỉnh đề nghị các cấp công đoàn tiếp tục phát hiện, bồi dưỡng và nhân rộng các điển hình tiên tiến, để “mỗi điển hình là một bông hoa đẹp, cả nước là một rừng hoa đẹp”.</p>""",
     (192, 57, 43), None, None),
    ("published", 2, 6, 10, "gd:THPT Bảo Lạc", "nguoi-tot-viec-tot",
     "Thầy giáo mở lớp học miễn phí buổi tối cho học sinh dân tộc",
     "Ba năm nay, thầy Lý Văn Khánh ở Trường THPT Bảo Lạc dành các buổi tối trong tuần để ôn luyện miễn phí cho "
     "học sinh người H'Mông, Dao ở nội trú.",
     """<p>Lớp học buổi tối của thầy Khánh bắt đầu từ 19 giờ 30, sau giờ cơm tối ở khu nội trú. Thầy hướng dẫn các em môn Toán và Tin học, đồng thời giúp các em làm quen với việc học trên máy tính.</p>
<p>Năm học vừa qua, 100% học sinh theo học lớp tối đỗ tốt nghiệp THPT, 14 em đỗ vào các trường đại học, cao đẳng. Công đoàn Giáo dục tỉnh đã tặng thầy Giấy khen vì có thành tích xuất sắc trong phong trào thi đua “Dạy tốt, học tốt”.</p>""",
     (90, 100, 170), None, None),
    ("published", 2, 10, 9, "gd:Nội trú", "mo-hinh-hay",
     "Bếp ăn “Nuôi em” giữ chân học trò nội trú",
     "Nhờ sự đóng góp của đoàn viên và các nhà hảo tâm, bếp ăn “Nuôi em” bảo đảm mỗi học sinh có bữa trưa đủ chất "
     "với chi phí 15.000 đồng.",
     """<p>Mỗi tháng, mỗi đoàn viên công đoàn nhà trường tự nguyện đóng góp 50.000 đồng và một ngày công vào bếp. Rau xanh do học sinh và thầy cô cùng trồng ở vườn trường.</p>
<p>Từ khi có bếp ăn, tỉ lệ học sinh chuyên cần tăng rõ rệt, các em khỏe mạnh hơn, yên tâm học tập. Mô hình đã được ba trường bạn đến học tập, áp dụng.</p>""",
     (200, 140, 50), "kitchen", None),
    ("published", 0, 2, 9, "hoaan", "hoat-dong-cong-doan",
     "Hội thao công nhân, viên chức, lao động huyện Hòa An thu hút hơn 400 vận động viên",
     "Hội thao năm nay gồm các môn kéo co, bóng chuyền hơi, đẩy gậy và cầu lông, do Liên đoàn Lao động huyện Hòa An "
     "tổ chức.",
     """<p>Hơn 400 vận động viên đến từ 36 công đoàn cơ sở đã tranh tài trong ba ngày. Bên cạnh các môn thể thao, ban tổ chức còn tổ chức gian hàng giới thiệu sản phẩm nông sản của các hợp tác xã trên địa bàn.</p>
<p>Hội thao là dịp để đoàn viên giao lưu, rèn luyện sức khỏe, góp phần đẩy mạnh phong trào thi đua lao động sản xuất những tháng cuối năm.</p>""",
     (230, 120, 40), None, None),
    ("published", 0, 3, 20, "tinh:Bệnh viện Đa khoa", "nguoi-tot-viec-tot",
     "Bác sĩ hiến máu cứu sản phụ lúc nửa đêm",
     "Khi ngân hàng máu cạn nhóm máu hiếm, bác sĩ Nông Minh Đạt đã tình nguyện hiến 350 ml máu, kịp thời cứu sống "
     "một sản phụ bị băng huyết.",
     """<p>Gần 23 giờ, sản phụ 27 tuổi được chuyển đến khoa Sản trong tình trạng mất nhiều máu. Kết quả xét nghiệm cho thấy chị có nhóm máu O Rh−, nhóm máu hiếm mà kho máu của bệnh viện khi đó không còn.</p>
<p>Biết mình cùng nhóm máu, bác sĩ Đạt, đoàn viên Công đoàn bệnh viện, lập tức xin được hiến máu. Ca phẫu thuật thành công, mẹ và con đều khỏe mạnh.</p>
<p>Đây không phải lần đầu bác sĩ Đạt hiến máu cứu người: anh đã 18 lần tham gia hiến máu tình nguyện.</p>""",
     (170, 50, 60), None, None),
    ("published", 0, 5, 10, "tinh:Khuyến nông", "mo-hinh-hay",
     "Liên kết trồng dẻ Trùng Khánh theo chuẩn VietGAP",
     "Được đoàn viên ngành khuyến nông hỗ trợ kỹ thuật và liên kết tiêu thụ, hợp tác xã đã có 45 ha hạt dẻ đạt chuẩn VietGAP, thu nhập "
     "của xã viên tăng 35%.",
     """<p>Hạt dẻ Trùng Khánh là đặc sản nổi tiếng của Cao Bằng nhưng trước đây chủ yếu bán lẻ cho thương lái, giá bấp bênh. Đoàn viên Công đoàn Trung tâm Khuyến nông đã cùng hợp tác xã mở lớp tập huấn quy trình trồng, chăm sóc theo chuẩn VietGAP và tìm đầu ra ổn định.</p>
<p>Năm nay, sản phẩm hạt dẻ của hợp tác xã đã có mã QR truy xuất nguồn gốc và được đưa vào hệ thống siêu thị ở Hà Nội.</p>""",
     (140, 90, 40), "chestnut", None),
    ("published", 0, 6, 14, "tinh", "thi-dua-khen-thuong",
     "Khen thưởng 12 tập thể, 20 cá nhân trong phong trào “Xanh – Sạch – Đẹp, bảo đảm an toàn vệ sinh lao động”",
     "Các đơn vị được khen có môi trường làm việc xanh, sạch, đẹp, không để xảy ra tai nạn lao động nghiêm trọng "
     "trong năm.",
     """<p>Phong trào đã lan tỏa đến hầu hết cơ quan, doanh nghiệp trong tỉnh. Nhiều đơn vị đầu tư hệ thống xử lý chất thải, trồng cây xanh, cải thiện điều kiện làm việc cho người lao động.</p>
<p>Liên đoàn Lao động tỉnh đề nghị các cấp công đoàn tiếp tục phối hợp với người sử dụng lao động tổ chức huấn luyện an toàn, vệ sinh lao động cho 100% công nhân trực tiếp sản xuất.</p>""",
     (40, 140, 80), None, None),
    ("published", 2, 14, 7, "tinh:Môi trường đô thị", "nguoi-tot-viec-tot",
     "Công nhân môi trường trả lại ví tiền cho người đánh rơi",
     "Trong ca làm việc sáng sớm, chị Bế Thị Nhung nhặt được chiếc ví có hơn 12 triệu đồng và nhiều giấy tờ, đã "
     "tìm mọi cách trả lại người mất.",
     """<p>Chiếc ví rơi bên đường Hoàng Đình Giong khi trời còn tối. Chị Nhung đã mang ví đến trụ sở công an phường và nhờ liên hệ với chủ nhân là một tiểu thương ở chợ Xanh.</p>
<p>Hành động của chị được Công đoàn công ty biểu dương, tặng Giấy khen “Người tốt, việc tốt”. Chị chỉ nói giản dị: “Của người ta làm ra vất vả, mình trả lại là đương nhiên”.</p>""",
     (60, 120, 60), None, None),
    ("published", 2, 20, 9, "tinh:Sở Lao động", "hoat-dong-cong-doan",
     "Tập huấn nghiệp vụ thi đua, khen thưởng cho cán bộ công đoàn cơ sở",
     "Hơn 150 cán bộ công đoàn cơ sở khối viên chức đã được hướng dẫn quy trình xây dựng kế hoạch, đăng ký thi đua "
     "và lập hồ sơ đề nghị khen thưởng.",
     """<p>Nội dung tập huấn bám sát Luật Thi đua, khen thưởng và các văn bản hướng dẫn của Tổng Liên đoàn. Học viên được thực hành lập hồ sơ đề nghị khen thưởng trên hệ thống quản lý thi đua, khen thưởng của Liên đoàn Lao động tỉnh.</p>""",
     (80, 80, 140), None, None),
    ("published", 3, 9, 8, "tinh:Điện lực", "mo-hinh-hay",
     "“Thắp sáng đường quê”: 27 km đường thôn có đèn chiếu sáng",
     "Công đoàn Điện lực Cao Bằng phối hợp với chính quyền các xã lắp đặt đèn chiếu sáng đường thôn, góp phần xây "
     "dựng nông thôn mới.",
     """<p>Đoàn viên công ty trực tiếp khảo sát, thiết kế và lắp đặt miễn phí; vật tư do công ty và nhân dân cùng đóng góp. Đến nay đã có 27 km đường thôn ở 9 xã có đèn chiếu sáng.</p>
<p>Mô hình được Liên đoàn Lao động tỉnh đánh giá cao và đang được một số doanh nghiệp khác học tập.</p>""",
     (240, 190, 60), "lights", None),
    ("published", 2, 16, 9, "cdcs", "nguoi-tot-viec-tot",
     "Cô giáo mầm non may áo ấm cho trẻ vùng cao",
     "Những tối mùa đông, cô giáo Hà Thị Oanh lại ngồi bên máy khâu, may những chiếc áo ấm từ vải vụn cho học trò "
     "của mình.",
     """<p>Nhiều em nhỏ ở điểm trường lẻ chỉ có một chiếc áo mỏng khi nhiệt độ xuống dưới 10 độ C. Cô Oanh đã xin vải từ các cơ sở may và tự tay may hơn 60 chiếc áo bông tặng các em.</p>
<p>Công đoàn nhà trường đã phát động đoàn viên cùng tham gia, quyên góp thêm chăn, mũ len cho học sinh trước mùa đông.</p>""",
     (200, 90, 120), None, None),
    ("published", 3, 5, 9, "hoaan", "thi-dua-khen-thuong",
     "Hòa An: 100% công đoàn cơ sở đăng ký thi đua năm 2026",
     "Các công đoàn cơ sở đã đăng ký chỉ tiêu thi đua gắn với nhiệm vụ chính trị của đơn vị, bám sát chỉ tiêu phát "
     "triển kinh tế – xã hội của huyện.",
     """<p>Liên đoàn Lao động huyện đã hướng dẫn các công đoàn cơ sở xây dựng tiêu chí thi đua cụ thể, dễ đánh giá; gắn phong trào thi đua với việc học tập và làm theo tấm gương đạo đức Hồ Chí Minh.</p>""",
     (100, 60, 140), None, None),
    ("scheduled", 0, 0, 0, "tinh", "hoat-dong-cong-doan",
     "Hội nghị biểu dương điển hình tiên tiến sẽ diễn ra vào cuối tháng",
     "Liên đoàn Lao động tỉnh sẽ tổ chức hội nghị biểu dương các điển hình tiên tiến trong công nhân, viên chức, "
     "lao động toàn tỉnh.",
     """<p>Hội nghị dự kiến biểu dương 60 tập thể và cá nhân tiêu biểu được lựa chọn từ các cấp công đoàn trong tỉnh.</p>""",
     (31, 78, 121), None, None),
    ("approved", 0, 7, 9, "tinh:Quản lý thủy nông", "nguoi-tot-viec-tot",
     "Người giữ nước cho cánh đồng Bảo Lạc",
     "Hơn hai mươi năm, anh Sùng Văn Lầu lặng lẽ trông coi, sửa chữa con mương dẫn nước cho 30 ha ruộng.",
     """<p>Mỗi khi có mưa lớn, anh Lầu lại ra mương kiểm tra, khơi thông dòng chảy để nước không tràn bờ. Nhờ có anh, bà con trong bản yên tâm cấy lúa hai vụ.</p>""",
     (70, 120, 170), None, None),
    ("approved", 0, 8, 9, "hoaan:Tiểu học", "mo-hinh-hay",
     "Vườn rau sạch của Công đoàn trường tiểu học",
     "Vườn rau 300 m² do đoàn viên và học sinh cùng chăm sóc cung cấp rau xanh cho bếp ăn bán trú quanh năm.",
     """<p>Mỗi lớp nhận chăm sóc một luống rau, vừa học kiến thức tự nhiên vừa rèn kỹ năng lao động. Mỗi tháng vườn cung cấp khoảng 200 kg rau cho bếp ăn.</p>""",
     (90, 170, 80), "garden", None),
    ("approved", 0, 9, 10, "gd:Sở Giáo dục", "hoat-dong-cong-doan",
     "Công đoàn Giáo dục tỉnh trao 150 suất học bổng cho học sinh nghèo vượt khó",
     "Mỗi suất học bổng trị giá 1 triệu đồng, do đoàn viên ngành giáo dục và các nhà hảo tâm đóng góp.",
     """<p>Các em nhận học bổng đều có hoàn cảnh đặc biệt khó khăn nhưng luôn nỗ lực vươn lên trong học tập.</p>""",
     (230, 160, 60), None, None),
    ("submitted", 0, 10, 9, "cdcs", "nguoi-tot-viec-tot",
     "Bữa cơm có thịt cho học trò bán trú",
     "Đoàn viên nhà trường góp tiền hằng tháng để mỗi bữa trưa của học sinh bán trú đều có thịt, cá.",
     """<p>Sáng kiến bắt đầu từ một buổi họp công đoàn, khi các cô thấy nhiều em chỉ mang theo cơm trắng và muối vừng.</p>""",
     (210, 120, 70), None, None),
    ("submitted", 0, 11, 8, "tinh:Trung tâm Y tế Hòa An|Trạm Y tế", "mo-hinh-hay",
     "Tủ sách sức khỏe cho đoàn viên ở trạm y tế xã",
     "Tủ sách với hơn 300 đầu sách về chăm sóc sức khỏe được đặt ngay tại phòng chờ của trạm y tế.",
     """<p>Bà con đến khám bệnh có thể đọc sách trong lúc chờ; các tài liệu được viết bằng tiếng Việt và tiếng Tày.</p>""",
     (120, 100, 80), None, None),
    ("submitted", 0, 12, 9, "baolac", "hoat-dong-cong-doan",
     "Đoàn viên Bảo Lạc ra quân vệ sinh môi trường",
     "Hơn 200 đoàn viên các cơ quan, đơn vị trên địa bàn đã tham gia dọn vệ sinh, khơi thông cống rãnh.",
     """<p>Hoạt động hưởng ứng phong trào “Xanh – Sạch – Đẹp” được tổ chức định kỳ vào sáng thứ Bảy cuối tháng.</p>""",
     (60, 140, 100), None, None),
    ("returned", 0, 13, 9, "cdcs", "nguoi-tot-viec-tot",
     "Bác bảo vệ 20 năm trồng cây xanh trong sân trường",
     "Bác bảo vệ đã trồng và chăm sóc hàng trăm cây xanh trong khuôn viên trường.",
     """<p>Sân trường giờ rợp bóng mát nhờ công chăm sóc của bác.</p>""",
     (80, 150, 70), None, "Bổ sung họ tên đầy đủ của bác bảo vệ, số cây đã trồng và một vài ảnh minh họa."),
    ("returned", 0, 14, 10, "tinh:Khuyến nông", "mo-hinh-hay",
     "Mô hình nuôi cá ruộng của đoàn viên hợp tác xã",
     "Nhiều hộ đoàn viên hợp tác xã đã kết hợp nuôi cá trong ruộng lúa, vừa tăng thu nhập vừa giảm sâu bệnh, "
     "được bà con trong vùng học tập và làm theo, đem lại hiệu quả kinh tế cao trong nhiều năm qua.",
     """<p>Mỗi sào ruộng thả khoảng 300 con cá chép, cá rô phi.</p>""",
     (70, 130, 150), None, "Sa-pô quá dài; đề nghị rút gọn còn 1–2 câu và nêu số liệu thu nhập cụ thể."),
    ("returned", 0, 15, 9, "baolac", "thi-dua-khen-thuong",
     "Bảo Lạc khen thưởng giáo viên dạy giỏi cấp huyện",
     "Nhiều giáo viên được khen thưởng vì thành tích xuất sắc.",
     """<p>Lễ khen thưởng được tổ chức trang trọng.</p>""",
     (150, 80, 80), None, "Chưa có số, ngày của quyết định khen thưởng và số lượng người được khen; đề nghị bổ sung."),
    ("draft", 0, 16, 9, "cdcs", "nguoi-tot-viec-tot",
     "Tấm lòng người thợ hàn",
     "Anh thợ hàn ở Nước Hai sửa miễn phí xe lăn cho người khuyết tật.",
     """<p>(Đang viết)</p>""",
     None, None, None),
    ("draft", 0, 17, 9, "hoaan", "hoat-dong-cong-doan",
     "Hòa An chuẩn bị đại hội công đoàn cơ sở nhiệm kỳ mới",
     "Các công đoàn cơ sở đang khẩn trương chuẩn bị văn kiện và nhân sự cho đại hội.",
     """<p>Liên đoàn Lao động huyện đã ban hành hướng dẫn tổ chức đại hội.</p>""",
     None, None, None),
]

# key, unit key, kind, person, position, movement, field, title, summary, results, figures,
# start (year, month), end (year, month) or None, stages [(stage, (y, m, d))...], replications [(unit key, (y, m, d), results)]
MODELS = [
    ("teacher", "baolac:Tiểu học", "individual", "Triệu Thị Mến", "Giáo viên", "lam-theo-bac", "education",
     "Cô giáo dắt học trò qua suối đến trường",
     "Mười năm đón học sinh ở đầu bản, dắt các em qua suối mùa mưa lũ; vận động phụ huynh cho con đi học đều.",
     "Không có học sinh bỏ học giữa chừng; tỉ lệ chuyên cần 98%.",
     [("Tỉ lệ chuyên cần", 98, "%"), ("Bộ áo mưa tặng học sinh", 35, "bộ")], (2015, 9), None,
     [("nurtured", (2024, 10, 15)), ("recognised", (2025, 5, 19))], []),
    ("home", "cdcs", "collective", "", "", "lam-theo-bac", "social",
     "“Mái ấm Công đoàn” – đoàn viên góp công xây nhà cho đồng nghiệp khó khăn",
     "Đoàn viên đóng góp tiền và ngày công, cùng Quỹ Mái ấm Công đoàn xây nhà cho đoàn viên có hoàn cảnh khó khăn.",
     "12 ngôi nhà được xây mới, sửa chữa trong năm.",
     [("Nhà được xây mới", 12, "nhà"), ("Ngày công đoàn viên", 160, "ngày công"), ("Kinh phí huy động", 120, "triệu đồng")],
     (2024, 1), None,
     [("nurtured", (2024, 6, 1)), ("recognised", (2025, 1, 10))],
     [("hoaan:Dân Chủ", (2025, 3, 1), "2 nhà cho đoàn viên khó khăn"), ("hoaan:Nam Tuấn", (2025, 6, 15), "1 nhà"),
      ("baolac:Tiểu học", (2025, 9, 1), "1 nhà cho giáo viên cắm bản")]),
    ("cement", "tinh:Xi măng", "collective", "", "", "lao-dong-gioi", "production",
     "Sáng kiến tự động hóa định lượng phụ gia máy nghiền xi măng",
     "Tổ sáng kiến phân xưởng Nghiền lắp cảm biến tải trọng và bộ điều khiển tự động cho băng cân phụ gia.",
     "Tỉ lệ hao hụt giảm từ 2,1% xuống 0,8%; chất lượng giữa các mẻ ổn định.",
     [("Giá trị làm lợi", 420, "triệu đồng/năm"), ("Xi măng tiết kiệm", 296, "tấn/năm")], (2025, 1), (2025, 12),
     [("nurtured", (2025, 4, 1)), ("recognised", (2025, 12, 15))],
     [("tinh:Gang thép", (2026, 3, 1), "Áp dụng cho băng cân quặng, giảm hao hụt 1%")]),
    ("road", "hoaan:UBND|Tiểu học Dân Chủ", "collective", "", "", "nong-thon-moi", "agriculture",
     "Tổ đoàn viên tự quản đường làng, ngõ xóm",
     "Mỗi tổ 5–7 đoàn viên nhận một tuyến đường: vận động hiến đất, làm đường bê tông, vệ sinh hằng tháng.",
     "4,5 km đường bê tông; 38 hộ hiến hơn 2.000 m² đất.",
     [("Đường bê tông", 4.5, "km"), ("Ngày công", 1250, "ngày công"), ("Đất được hiến", 2000, "m²")], (2024, 3), None,
     [("nurtured", (2024, 9, 1)), ("recognised", (2025, 4, 20))],
     [("hoaan:Nước Hai", (2025, 7, 1), "1,2 km đường thôn"), ("hoaan:Đức Long", (2025, 10, 1), "0,8 km đường")]),
    ("chestnut", "tinh:Khuyến nông", "collective", "", "", "nong-thon-moi", "agriculture",
     "Liên kết trồng dẻ Trùng Khánh theo chuẩn VietGAP",
     "Tập huấn quy trình VietGAP, liên kết tiêu thụ, truy xuất nguồn gốc bằng mã QR.",
     "45 ha đạt chuẩn VietGAP; thu nhập xã viên tăng 35%.",
     [("Diện tích VietGAP", 45, "ha"), ("Thu nhập tăng", 35, "%")], (2025, 2), None,
     [("nurtured", (2025, 6, 1)), ("recognised", (2026, 1, 15))], []),
    ("kitchen", "gd:Nội trú", "collective", "", "", "lam-theo-bac", "education",
     "Bếp ăn “Nuôi em” cho học sinh nội trú",
     "Đoàn viên góp 50.000 đồng và một ngày công mỗi tháng; rau xanh do thầy trò cùng trồng.",
     "Mỗi ngày 320 suất ăn; tỉ lệ chuyên cần tăng 6%.",
     [("Suất ăn mỗi ngày", 320, "suất"), ("Chi phí mỗi suất", 15000, "đồng")], (2024, 9), None,
     [("nurtured", (2025, 1, 5)), ("recognised", (2025, 8, 20))],
     [("gd:THPT Bảo Lạc", (2025, 11, 1), "Bếp ăn 120 suất/ngày"), ("gd:Hòa An", (2026, 2, 1), "")]),
    ("nurse", "tinh:Trung tâm Y tế Hòa An|Trạm Y tế", "individual", "Hoàng Thị Thơm", "Điều dưỡng", "lam-theo-bac", "health",
     "Nữ điều dưỡng đưa vắc-xin đến từng bản",
     "Đi bộ đến các bản xa để tiêm chủng; tuyên truyền cho đồng bào về lợi ích của tiêm chủng.",
     "Tỉ lệ tiêm chủng đầy đủ của xã đạt 99,2%.",
     [("Tỉ lệ tiêm chủng đầy đủ", 99.2, "%")], (2016, 1), None,
     [("nurtured", (2026, 3, 1))], []),
    ("lights", "tinh:Điện lực", "collective", "", "", "nong-thon-moi", "production",
     "“Thắp sáng đường quê”",
     "Đoàn viên khảo sát, thiết kế, lắp đặt miễn phí đèn chiếu sáng đường thôn cùng chính quyền và nhân dân.",
     "27 km đường thôn ở 9 xã có đèn chiếu sáng.",
     [("Đường được chiếu sáng", 27, "km"), ("Số xã", 9, "xã")], (2023, 5), None,
     [("nurtured", (2023, 12, 1)), ("recognised", (2024, 6, 1))],
     [("tinh:Viettel", (2025, 5, 1), "6 km đường ở 2 xã")]),
    ("operator", "tinh:Xi măng", "individual", "Nông Văn Tuấn", "Tổ trưởng tổ vận hành", "lao-dong-gioi", "production",
     "Công nhân vận hành giỏi, nhiều sáng kiến",
     "Chủ trì 5 sáng kiến cải tiến kỹ thuật trong 3 năm; kèm cặp 12 công nhân trẻ.",
     "Các sáng kiến làm lợi hơn 700 triệu đồng.",
     [("Sáng kiến được công nhận", 5, "sáng kiến"), ("Giá trị làm lợi", 700, "triệu đồng")], (2023, 1), (2025, 12),
     [("nurtured", (2024, 5, 1)), ("recognised", (2025, 12, 20))], []),
    ("hospital", "tinh:Bệnh viện Đa khoa", "collective", "", "", "xanh-sach-dep", "safety",
     "Bệnh viện Xanh – Sạch – Đẹp, an toàn vệ sinh lao động",
     "Phân loại rác thải y tế tại nguồn, trồng cây xanh, huấn luyện an toàn cho toàn bộ nhân viên.",
     "Không xảy ra tai nạn lao động; 100% nhân viên được huấn luyện.",
     [("Nhân viên được huấn luyện", 100, "%")], (2025, 1), None,
     [("nurtured", (2025, 9, 1))], []),
    ("family", "hoaan:UBND|Mầm non Dân Chủ", "individual", "Lương Thị Duyên", "Kế toán", "gioi-viec-nuoc",
     "social", "Nữ đoàn viên “Giỏi việc nước, đảm việc nhà”",
     "Hoàn thành xuất sắc nhiệm vụ nhiều năm liền, nuôi dạy ba con học giỏi, tích cực tham gia hoạt động xã hội.",
     "", [], (2024, 1), None, [], []),
    ("garden", "hoaan:Tiểu học", "collective", "", "", "nong-thon-moi", "education",
     "Vườn rau sạch bán trú",
     "Đoàn viên và học sinh cùng chăm sóc vườn rau 300 m², cung cấp rau cho bếp ăn bán trú.",
     "Khoảng 200 kg rau mỗi tháng.",
     [("Rau mỗi tháng", 200, "kg")], (2025, 9), None, [], []),
]
