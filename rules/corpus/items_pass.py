# ruff: noqa: E501
"""Hand-written pass items: hard negatives that must not be flagged (see README.md)."""

from __future__ import annotations

# Data tables: one item per line reads better than ruff-format's vertical layout.
# fmt: off
from make_corpus import P, acc, grp, on

# ---------------------------------------------------------------- news outlets reporting on candidates
P("ig", "post", "Debat Capres ketiga: Anies, Prabowo dan Ganjar adu gagasan soal pertahanan dan geopolitik. Simak selengkapnya di link bio.", "News outlet reporting, not an ASN campaigning.", "camp", acct="ig:kompascom")
P("x", "post", "Quick count sementara: Prabowo-Gibran unggul 58%, Anies-Muhaimin 25%, Ganjar-Mahfud 17%. Data masuk 80%.", "News report of quick-count numbers.", "vote", acct="x:detikcom")
P("ig", "post", "KPU Jateng tetapkan nomor urut Pilgub: Andika-Hendi nomor 1, Luthfi-Yasin nomor 2.", "News outlet reporting the ballot draw.", "2024-09-23T16:30:00", loc="jt", acct="ig:tribunnews")
P("x", "post", "Bawaslu temukan 12 ASN diduga langgar netralitas karena like dan komentar di akun paslon.", "News about enforcement.", "camp", acct="x:tempodotco")
P("ig", "post", "Gibran resmi jadi cawapres Prabowo, diumumkan di Jakarta malam ini.", "News photo of candidates posing is not an ASN act.", "pre23", acct="ig:cnnindonesia", media="foto Prabowo dan Gibran mengacungkan dua jari di depan wartawan")
P("ig", "post", "Momen pengundian nomor urut capres-cawapres di KPU. Tiap paslon mengacungkan jari sesuai nomor urutnya.", "News coverage of candidates showing their numbers.", "2023-11-14T20:10:00", acct="ig:kompascom", media="foto tiga pasangan calon di panggung KPU mengacungkan satu, dua dan tiga jari")
P("x", "post", "Khofifah-Emil dapat nomor urut 2 di Pilgub Jatim, langsung salam dua jari.", "News outlet reporting a Pilkada draw.", "2024-09-23T18:00:00", loc="jatim", acct="x:detikcom")
P("x", "post", "Ridwan Kamil angkat telunjuk ke langit usai dapat nomor urut 1 Pilkada Jakarta.", "News report of a candidate gesture.", "2024-09-23T19:20:00", loc="dki", acct="x:tempodotco")
P("ig", "post", "Cek fakta: video Anies ditolak warga di Madura adalah potongan video lama 2019.", "News fact-check.", "camp", acct="ig:cnnindonesia")
P("ig", "post", "Lagu 'Oke Gas' jadi jingle resmi kampanye Prabowo-Gibran, simak lirik lengkapnya.", "News about a campaign jingle.", "camp", acct="ig:tribunnews")
P("x", "post", "Ganjar Pranowo kunjungi petani bawang di Brebes, janjikan harga pupuk terjangkau.", "Campaign-trail news from an outlet.", "camp", acct="x:detikcom")
P("ig", "post", "Survei LSI: elektabilitas Luthfi-Yasin dan Andika-Hendi bersaing ketat di Jateng.", "Poll news from an outlet.", "pk_camp", loc="jt", acct="ig:kompascom")
P("x", "post", "MK tolak seluruh gugatan sengketa Pilpres 2024. Prabowo-Gibran sah sebagai pemenang.", "News of a court ruling.", "after", acct="x:tempodotco")
P("ig", "post", "Salam 4 jari viral di medsos, apa artinya? Ini penjelasannya.", "Explainer news about a political gesture.", "camp", acct="ig:tribunnews")
P("x", "post", "Pelantikan Presiden Prabowo Subianto dan Wapres Gibran Rakabuming Raka berlangsung di Gedung MPR.", "News of the inauguration.", "2024-10-20T11:30:00", acct="x:detikcom")

# ---------------------------------------------------------------- KPU / Bawaslu official accounts
P("ig", "post", "Pengundian nomor urut: 01 Anies-Muhaimin, 02 Prabowo-Gibran, 03 Ganjar-Mahfud. #PemiluDamai", "Election body announcing numbers, never partisan.", "2023-11-14T21:00:00", acct="ig:kpu_ri")
P("x", "post", "Pemilih wajib membawa KTP-el dan formulir C Pemberitahuan ke TPS pada 14 Februari 2024. TPS buka 07.00-13.00.", "KPU voter information.", "tenang", acct="x:kpu_id")
P("x", "post", "ASN dilarang like, comment, share dan follow akun peserta pemilu. Temukan pelanggaran? Laporkan ke Bawaslu!", "Bawaslu reminder; it names the banned acts.", "camp", acct="x:bawaslu_ri")
P("ig", "post", "Debat kelima Capres-Cawapres malam ini pukul 19.00 WIB di JCC. Saksikan di TV nasional.", "KPU debate announcement.", "camp", acct="ig:kpu_ri")
P("ig", "post", "Tolak politik uang! Jangan terima amplop, laporkan ke Bawaslu terdekat. #BawasluJaga", "Bawaslu anti-money-politics appeal.", "tenang", acct="ig:bawasluri")
P("x", "post", "Masa tenang 11-13 Februari: tidak ada kampanye dalam bentuk apa pun, termasuk di media sosial.", "KPU rule reminder.", "2024-02-10T20:00:00", acct="x:kpu_id")
P("ig", "post", "Pemungutan suara Pilkada serentak 27 November 2024. Cek namamu di cekdptonline.kpu.go.id", "KPU Pilkada voter information.", "pk_camp", acct="ig:kpu_ri")
P("x", "post", "Bawaslu RI: foto berpose jari bersama paslon dapat dianggap keberpihakan bagi ASN, TNI dan Polri.", "Bawaslu guidance on poses.", "pk_camp", acct="x:bawaslu_ri")

# ---------------------------------------------------------------- ASN sharing KPU/Bawaslu info, KPPS work, neutrality messages
P("ig", "share", "", "Plain share of KPU's DPT-check post.", "nom", tgt=on("ig:kpu_ri", "Sudah terdaftar sebagai pemilih? Cek di cekdptonline.kpu.go.id"))
P("fb", "share", "Info penting buat warga RT 04 👇", "Shares KPU's voting-hours info.", "tenang", tgt=on("x:kpu_id", "TPS buka pukul 07.00-13.00 waktu setempat. Bawa KTP-el."))
P("wa", "share", "", "Forwards Bawaslu's neutrality reminder to an office group.", "camp", tgt=on("ig:bawasluri", "ASN wajib netral! Dilarang like, comment, share konten paslon."))
P("x", "share", "", "Shares KPU's debate schedule listing all pairs.", "camp", tgt=on("x:kpu_id", "Jadwal debat: 01 Anies-Muhaimin, 02 Prabowo-Gibran, 03 Ganjar-Mahfud. Saksikan!"))
P("ig", "share", "ayo cek!", "Shares KPU Pilkada voter-list info.", "pk_camp", loc="jt", tgt=on("ig:kpu_ri", "Pilkada 27 November: pastikan namamu ada di DPT"))
P("fb", "share", "", "Shares the KPU ballot-number announcement without comment.", "2023-11-15T07:45:00", tgt=on("ig:kpu_ri", "Nomor urut capres-cawapres 2024: 01 AMIN, 02 Prabowo-Gibran, 03 Ganjar-Mahfud"))
P("th", "share", "catat ya gaes", "Shares Bawaslu's anti-money-politics post.", "tenang", tgt=on("ig:bawasluri", "Tolak dan laporkan politik uang"))
P("fb", "post", "Info dr KPU: TPS buka jam 7-13 WIB, jgn lupa bawa form C pemberitahuan & KTP ya bapak ibu 🙏", "Relays official voting logistics.", "tenang")
P("ig", "post", "Alhamdulillah dilantik jd anggota KPPS TPS 07 Kel. Sukamaju. Mohon doanya lancar 🙏", "Serving as a poll worker is allowed.", "2024-01-25T10:00:00", media="foto pelantikan KPPS di aula kelurahan, memakai rompi KPPS")
P("fb", "post", "Netralitas ASN harga mati. Beda pilihan itu biasa, yg penting kerja tetap profesional 💪", "Neutrality statement.", "camp")
P("x", "post", "Kalo liat ASN kampanye di medsos, lapor aja ke Bawaslu. Gampang kok, ada formnya online.", "Encourages reporting violations.", "camp")
P("wa", "post", "Rekap C1 TPS 012 sudah dikirim ke PPS ya pak, aman 👍", "KPPS work message with thumbs-up.", "vote")
P("ig", "post", "Hari ini sosialisasi netralitas ASN di aula Setda bersama Bawaslu Kab. Kendal. ASN harus netral!", "Official neutrality socialisation.", "pk_pre", loc="kendal", media="foto peserta sosialisasi netralitas berseragam di aula, tangan mengepal")
P("fb", "post", "Jadi pantarlih lagi tahun ini, door to door coklit data pemilih. Capek tp seru 😅", "Voter-list work for KPU.", "pk_pre", loc="grobogan")
P("x", "post", "Visi misi ketiga paslon bisa dibaca lengkap di web KPU. Baca dulu, baru milih. Jangan cuma ikut2an.", "Neutral voter-education post.", "camp")
P("ig", "post", "Tiga paslon punya program pendidikan masing2. Sbg guru saya cuma pesan: pilih yg programnya masuk akal buat kalian.", "Neutral, names no pair.", "camp")

# ---------------------------------------------------------------- neutral get-out-the-vote and voting-day posts
P("fb", "post", "Ayo gunakan hak pilih, jangan golput! 14 Februari ke TPS 🇮🇩", "Neutral turnout appeal.", "tenang")
P("ig", "post", "Udah nyoblos! jari ungu 💜 #PemiluDamai", "Voting-day photo without partisan sign.", "vote", media="jari kelingking bertinta ungu di depan TPS")
P("x", "post", "Beda pilihan boleh, persaudaraan tetap nomor 1 🤝", "'Nomor 1' used about brotherhood.", "camp")
P("wa", "post", "Pilkada damai, siapapun pilihanmu Jateng tetap guyub rukun 🙏", "Neutral Pilkada appeal.", "pk_tenang", loc="jt")
P("ig", "post", "Jangan lupa 27 Nov ke TPS ya lur, suaramu menentukan 5 tahun ke depan", "Turnout appeal without number or name.", "pk_tenang", loc="kendal")
P("tt", "post", "first time voter nih 😆 deg2an bgt, pilihan rahasia dong", "First-time voter, choice kept secret.", "vote", media="video antre di TPS sambil memegang surat undangan memilih")
P("th", "post", "Pemilu itu pesta demokrasi, bukan ajang musuhan. Abis ini kita ngopi bareng lagi ☕", "Neutral civic message.", "recap")
P("fb", "post", "Golput bukan solusi. Datang ke TPS, pilih sesuai hati nurani, rahasiakan pilihanmu.", "Neutral turnout appeal.", "camp")
P("wa", "post", "Libur nasional 14 Feb, tp inget nyoblos dulu baru liburan 😄", "Neutral voting reminder.", "tenang")
P("ig", "post", "Satu suara satu masa depan. Gunakan hak pilihmu dgn bijak 🗳️", "'Satu' is not a pair number here.", "tenang")
P("x", "post", "Selesai nyoblos, TPS 15 sepi jam 11. Antri cuma 5 menit 👍", "Voting-day report; thumbs-up about the queue.", "vote")
P("fb", "post", "Terima kasih untuk semua petugas KPPS yang bekerja sampai subuh. Kalian pahlawan demokrasi 🙏", "Thanks poll workers.", "vote")
P("ig", "post", "Hasil resmi tunggu KPU ya gaes, jangan percaya klaim2 di grup WA", "Neutral post-vote caution.", "recap")
P("wa", "post", "Pilkada tinggal seminggu. Yuk cek DPT dulu biar gak ribet pas hari H", "Neutral Pilkada voter info.", "pk_camp", loc="blora")
P("tt", "post", "tutorial coblos surat suara biar sah: coblos di dalam kotak foto, jangan keluar garis ✅", "Neutral ballot tutorial.", "tenang", media="video simulasi surat suara contoh dengan gambar paslon fiktif")

# ---------------------------------------------------------------- hoax debunking by ASN (often Diskominfo)
P("fb", "post", "[HOAKS] Beredar video Anies dilarang masuk Madura. Faktanya itu video lama yg dipotong. Cek turnbackhoax.id", "Debunk that names a candidate neutrally.", "camp")
P("ig", "post", "[SALAH] Surat suara sudah tercoblos di gudang KPU. Foto itu dari simulasi 2019. #LawanHoaks", "Hoax debunk about the election.", "camp")
P("x", "post", "Klarifikasi: foto Ganjar injak sajadah itu editan. Jangan asal share ya, cek dulu sebelum sebar.", "Debunk naming a candidate.", "camp")
P("wa", "post", "Pesan berantai 'coblos 2 kali dapat hadiah' itu HOAKS. Satu orang satu suara. Info resmi dr KPU.", "Debunks a chain message; '2 kali' is not a pair.", "tenang")
P("fb", "post", "Diskominfo: video Gibran bagi2 uang di pasar adalah hoaks, itu acara bazar tahun 2021.", "Official debunk naming a candidate.", "camp")
P("th", "post", "Tolong bapak ibu di grup keluarga, berita Prabowo sakit keras itu HOAKS. Sumbernya situs abal2.", "Debunk, no support.", "camp")
P("ig", "post", "Awas hoaks Pilkada! Gambar Luthfi-Yasin didiskualifikasi itu palsu, KPU Jateng sdh bantah.", "Debunk naming a Pilkada pair.", "pk_camp", loc="jt")

# ---------------------------------------------------------------- collision words used in ordinary senses
P("fb", "post", "Panas bgt hari ini, 36 derajat 🥵 PAN-tes aja es teh laris", "PAN inside 'panas' and a pun, weather talk.", "camp")
P("ig", "post", "Panen raya padi di Desa Ngawen, alhamdulillah hasilnya 7 ton per hektar 🌾", "'Panen' contains PAN; agriculture post.", "camp", media="petani dan penyuluh pertanian memanen padi, semua tersenyum")
P("x", "post", "Beli wajan teflon baru, pan 28 cm diskon 50% di marketplace 🍳", "'pan' as a frying pan.", "camp")
P("fb", "post", "Bayar PBB-P2 tahun 2024 paling lambat 31 Agustus ya warga, bisa via m-banking 🏠", "PBB = land and building tax.", "after", loc="blora")
P("ig", "post", "Bangga! Kontingen Garuda berangkat jd pasukan perdamaian PBB ke Lebanon 🇮🇩🇺🇳", "PBB = the United Nations; Garuda = peacekeeping contingent.", "camp")
P("x", "post", "Sidang Majelis Umum PBB bahas perubahan iklim, Indonesia dorong pendanaan hijau.", "PBB = UN; 'perubahan' is not AMIN's slogan here.", "pre23")
P("ig", "post", "GARUDA MENANG 2-0 LAWAN VIETNAM!!! ✌️⚽🇮🇩 #TimnasDay", "Garuda = football team; two fingers = two goals.", "2024-03-26T21:45:00")
P("fb", "post", "Delay Garuda 2 jam di Soekarno-Hatta, untung ada kopi ☕✈️", "Garuda = the airline.", "camp")
P("wa", "post", "Garuda Pancasila, akulah pendukungmu 🎶 latihan paduan suara anak2 utk upacara 17an", "'pendukungmu' in a national song.", "after")
P("fb", "post", "Rapat warga RT 03 berjalan demokratis, ketua RT baru terpilih lewat musyawarah 👏", "'demokratis' as a common word.", "camp")
P("x", "post", "Sbg negara demokrat sejati, kita harus biasa berbeda pendapat tanpa saling hujat", "'demokrat' as a generic word.", "camp")
P("ig", "post", "Selamat Hari Buruh 1 Mei untuk seluruh buruh pabrik yg bekerja keras 💪", "'buruh' = workers.", "2024-05-01T08:00:00")
P("fb", "post", "Gelora semangat pemuda di upacara Sumpah Pemuda pagi ini 🇮🇩", "'gelora' = passion.", "2023-10-28T09:00:00")
P("ig", "post", "Nonton konser di Gelora Bung Karno, seru parah 🎤🔥", "Gelora Bung Karno = the stadium.", "after")
P("x", "post", "Sepatu baru pas bgt di kaki, ukuran 42 👟", "'pas' = fits.", "camp")
P("fb", "post", "Gas elpiji 3 kg langka lagi di pangkalan, warga antre dari subuh 😩", "'gas' = LPG.", "camp")
P("ig", "post", "Gerak cepat BPBD evakuasi warga terdampak banjir di Kec. Demak 🌊 #BPBDSigap", "'gerak cepat' = disaster response.", "camp", loc="jt")
P("x", "post", "Lari pagi 5 putaran di alun2, satu putaran kira2 800 m 🏃", "'satu putaran' = running lap.", "camp")
P("wa", "post", "Bakso 2 porsi ya mas, tambah dua es teh 🍜", "'tambah dua' = ordering food.", "camp")
P("fb", "post", "Alhamdulillah anak saya juara 2 lomba mewarnai tingkat kecamatan 🏆✌️", "Second place and two fingers.", "pk_camp", loc="jt", media="anak kecil memegang piala dan mengacungkan dua jari")
P("wa", "post", "Antrian nomor 2 di poli gigi, sebentar lagi dipanggil", "'nomor 2' = queue number, in Jateng during Pilkada.", "pk_camp", loc="jt")
P("ig", "post", "Selamat ulang tahun Abah tercinta yg ke-70 🎂 sehat selalu, panjang umur", "'Abah' = the poster's father.", "camp")
P("x", "post", "kucingku makin gemoy aja 😹 makan terus kerjaannya", "'gemoy' = chubby cat.", "camp", media="foto kucing oranye gendut tidur di sofa")
P("fb", "post", "Pak Samsul tetangga sebelah baru pulang haji, alhamdulillah 🕋", "'Samsul' = a neighbour.", "camp")
P("wa", "post", "Semoga Allah mudahkan ujian anak2 kita, aamiin ya rabbal alamin 🤲", "'aamiin' prayer, not the AMIN pair.", "camp")
P("ig", "post", "Doain lancar sidang skripsinya ya temen2, amin 🙏", "'amin' prayer.", "tenang")
P("fb", "post", "Pengajian rutin bapak2 RT, semoga umat makin rukun. Amin.", "'amin' and 'umat' in religious sense.", "camp")
P("x", "post", "Perubahan iklim nyata, musim hujan telat 2 bulan. Petani harus adaptasi 🌧️", "'perubahan' in climate sense.", "camp")
P("fb", "post", "Kelas 01 SD Negeri 3 siap ikut lomba gerak jalan 17an 🇮🇩", "'01' as a class label.", "after")
P("ig", "post", "Liburan ke Taman Nasional Baluran, lihat banteng liar langsung 🐃", "'banteng' = wild bull.", "after")
P("x", "post", "Pohon beringin di alun2 ditebang krn lapuk, warga sedih 😢", "'beringin' = banyan tree.", "pk_camp", loc="kendal")
P("fb", "post", "Bayar PKB motor lewat Samsat Digital, gak perlu antre lagi 👍", "PKB = vehicle tax.", "camp")
P("ig", "post", "PR PKN anak kelas 5 ttg musyawarah, bapaknya ikut mikir 😂", "PKN = civics class.", "camp")
P("x", "post", "Tekanan ban mobil idealnya 32 psi, cek tiap minggu ya", "psi = pressure unit, not PSI the party.", "camp")
P("fb", "post", "Skema KPBU/PPP proyek SPAM regional dibahas di Bappeda hari ini", "PPP = public-private partnership.", "pre23")
P("ig", "post", "Kampanye imunisasi polio serentak di Puskesmas, ayo bawa balita 💉", "'kampanye' in a health campaign.", "camp")
P("fb", "post", "Kampanye stop stunting: isi piringku, gizi seimbang mulai dari rumah 🥦", "Health 'kampanye'.", "pk_camp", loc="grobogan")
P("wa", "post", "Relawan bencana dibutuhkan utk dapur umum korban banjir, yg bisa bantu japri", "'relawan' for disaster aid.", "camp")
P("x", "post", "Posko mudik Dishub buka 24 jam di rest area KM 57 🚗", "'posko' for holiday travel.", "after")
P("ig", "post", "Lomba debat bahasa Inggris tingkat SMA, tim kami menang! 🏆", "'debat' as a school contest.", "camp")
P("fb", "post", "Dukung UMKM lokal! Beli produk tetangga, ekonomi desa jalan 🛍️", "'dukung' for local business.", "camp")
P("tt", "post", "oke gasss berangkat touring ke Dieng 🏍️💨", "'oke gas' as ordinary slang before the jingle existed.", "pre22")
P("x", "post", "main sarung slepet sama bocil2 di teras, yg kena ketawa 😂", "'slepet' as a playful sarong game.", "after")
P("fb", "post", "Warga desak pemkab perbaiki jalan rusak di Desa Tambakrejo 🚧", "'desak' = urge.", "pk_camp", loc="blora")
P("ig", "post", "El chef rumahan hari ini masak rendang 🍛 resep ibu", "'chef' cooking, not the Anies nickname.", "after")
P("th", "post", "Partai final Liga 1 malam ini, Persib vs Persija? gaskeun nonton bareng ⚽", "'partai' = match.", "after")
P("fb", "post", "Ummat Islam di kampung kami gotong royong bangun musala 🕌", "'Ummat' = religious community.", "camp")
P("x", "post", "PA Kota Semarang buka layanan sidang keliling utk isbat nikah", "PA = Pengadilan Agama, not Partai Aceh.", "camp")
P("wa", "post", "Bapak2 grup ronda, mlm ini giliran pos 2 ya 👍", "'2' and thumbs-up about night watch.", "pk_camp", loc="blora")
P("ig", "post", "Menu nomor 2 di warung ini juara, nasi goreng kambing 🔥", "'nomor 2' menu item.", "camp")
P("tt", "post", "3 jari cukup buat pegang sumpit 🥢 tutorial makan ramen", "'3 jari' about chopsticks.", "camp", media="video tangan memegang sumpit")
P("fb", "post", "Anak saya baru bisa hitung sampai 4, jarinya diacungkan satu2 😍", "Counting fingers, a child.", "camp", media="balita mengacungkan empat jari sambil tertawa")

# ---------------------------------------------------------------- gestures and emoji outside politics
P("ig", "post", "Liburan ke Bali bareng istri, peace ✌️🏖️", "Holiday V-sign, no political context.", "camp", media="foto pasangan di pantai Kuta, suami pose peace")
P("fb", "post", "Bocil2 pose peace pas foto studio 😂✌️", "Kids' peace sign.", "pk_camp", loc="jt", media="tiga anak kecil mengacungkan dua jari di studio foto")
P("x", "post", "Laporan sudah beres 👍 tinggal tanda tangan kabid", "Thumbs-up as work acknowledgement.", "camp")
P("wa", "post", "Siap laksanakan 👍🙏", "Standard thumbs-up reply in an office group.", "tenang")
P("ig", "post", "Selfie dulu sebelum ngantor ✌️😁", "Casual V-sign selfie.", "2023-08-10T07:15:00", media="selfie pemilik akun di mobil pribadi, pose peace")
P("th", "post", "love you mom 🤟❤️", "Sign-language 'I love you' to a mother.", "camp")
P("fb", "post", "Oke siap 👌 nanti saya kirim dokumennya", "OK emoji as agreement.", "camp")
P("ig", "post", "Wisuda SD anakku 🎓 bangga bgt", "Child's graduation with thumbs-up.", "pk_camp", loc="kendal", media="anak berpakaian toga mengacungkan jempol")
P("tt", "post", "tren 'peace sign' ala idol K-pop, cobain bareng adek 😆", "K-pop style V-sign trend.", "after", media="video dua remaja menirukan pose V ala idol")
P("x", "post", "satu lagi ☝️ baru pulang", "Index emoji meaning 'one more'.", "camp")
P("ig", "post", "Foto keluarga lebaran, formasi lengkap 🥰", "Eid family photo, peace signs, outside any campaign link.", "after", media="foto keluarga besar berbaju koko, beberapa anak pose dua jari")
P("fb", "post", "Tim voli kantor juara 1 porseni kabupaten! ☝️🏐", "Index finger for first place.", "pre23", media="tim voli berseragam olahraga mengacungkan telunjuk sambil memegang piala")

# ---------------------------------------------------------------- government programme posts naming officials by office
P("ig", "post", "Bapak Wali Kota meresmikan Puskesmas Gayamsari yg baru, pelayanan lebih nyaman utk warga 🏥", "Government programme, official named by office.", "camp", loc="jt")
P("fb", "post", "Kunjungan kerja Menteri Pertanian ke Kec. Wirosari, panen raya jagung bersama kelompok tani 🌽", "Ministerial visit, 'panen' collision.", "pre23", loc="grobogan")
P("x", "post", "Presiden Joko Widodo resmikan Bendungan Jlantah, manfaat utk irigasi 1.400 ha", "Jokowi is not a candidate; programme news.", "camp")
P("ig", "post", "Pj Gubernur Jateng tinjau posko mudik Lebaran di Terminal Tirtonadi 🚌", "Official by office, no candidate.", "after", loc="solo")
P("fb", "post", "Menko Polhukam Mahfud MD membuka rakor pengamanan Nataru di Polda 👮", "Mahfud as minister before he became cawapres.", "2022-12-20T10:00:00")
P("ig", "post", "Wali Kota Solo Gibran Rakabuming resmikan revitalisasi Pasar Legi 🏪", "Gibran as mayor in 2022, not yet a candidate.", "2022-10-12T09:30:00", loc="solo")
P("fb", "post", "Gubernur Ganjar Pranowo buka Festival Kuliner Jateng di Simpang Lima, ramai sekali 🍢", "Governor's programme before any party declared him.", "2023-03-04T19:00:00", loc="jt")
P("x", "post", "Uji coba Makan Bergizi Gratis di SD kami hari ini, program Presiden. Anak2 lahap 🍱", "Government programme after inauguration.", "2024-11-18T11:00:00", loc="jt")
P("ig", "post", "Kabinet Indonesia Maju: Menteri PUPR tinjau tol Semarang-Demak 🛣️", "'Indonesia Maju' is the cabinet name here.", "pre23", loc="jt")
P("fb", "post", "Bappeda susun RPJPD menuju Indonesia Emas 2045, FGD bersama akademisi", "'Indonesia Emas 2045' as the national development vision.", "after")
P("x", "post", "Menteri PANRB: ASN wajib netral di Pilkada 2024, sanksi tegas bagi pelanggar", "Minister's neutrality statement.", "pk_pre")
P("ig", "post", "Kunjungan kerja Wapres ke sekolah kami, meninjau ruang kelas baru 🏫 #KunjunganKerja", "Official visit after inauguration, no campaign sign.", "2024-11-05T10:30:00", loc="jatim", media="foto rombongan Wapres di halaman sekolah, guru berdiri berbaris")
P("fb", "post", "Bupati serahkan bantuan alsintan ke 20 kelompok tani, semoga produktivitas naik 🚜", "Aid programme with no partisan condition.", "camp", loc="blora")
P("ig", "post", "Menhan Prabowo serahkan hibah kapal patroli ke Bakamla, dokumentasi dari kegiatan dinas.", "Official ministry event before candidacy period.", "2022-11-15T14:00:00")
P("fb", "post", "Selamat bertugas Presiden dan Wakil Presiden RI periode 2024-2029. Keluarga besar Dinas Pendidikan.", "Institutional protocol greeting after inauguration.", "2024-10-20T15:00:00")
P("x", "post", "Program Asta Cita pemerintah jadi acuan Renstra dinas 2025-2029, rapat penyelarasan hari ini", "Asta Cita as adopted government programme after inauguration.", "2024-12-10T13:00:00")
P("fb", "post", "Pak Camat pimpin kerja bakti bersihkan saluran air di Kel. Mlati 🧹", "Local official by office.", "camp", loc="jt")
P("wa", "post", "Bapak ibu, besok apel pagi dipimpin Pak Sekda, wajib hadir jam 07.30 ya", "Office instruction, no politics.", "camp")

# ---------------------------------------------------------------- everyday ASN life and criticism without partisanship
P("fb", "post", "Jalan rusak di Desa Tunjungan, mohon perhatian Dinas PU 🙏", "Public complaint, no candidate.", "pk_camp", loc="blora")
P("x", "post", "Lewat depan kampanye akbar di alun2, macet parah 😩 mending muter lewat ringroad", "Traffic complaint near a rally.", "camp", media="jalan macet dengan bendera partai terlihat dari kejauhan")
P("ig", "post", "HUT ke-52 KORPRI, upacara di halaman kantor bupati 🇮🇩", "Civil-service anniversary.", "2023-11-29T08:00:00", media="foto barisan ASN berseragam Korpri saat upacara, tangan di samping badan")
P("fb", "post", "Senam pagi Jumat sehat bareng teman2 kantor 💪", "Office fitness.", "camp")
P("th", "post", "Netijen tolong ya, abis pemilu jgn musuhan, tetep tetanggaan 🙏", "Reconciliation message.", "recap")
P("x", "post", "Apapun hasilnya, yg menang jgn jumawa, yg kalah jgn baper. Indonesia tetap satu 🇮🇩", "Neutral post-election message.", "recap")
P("ig", "post", "Rapat koordinasi persiapan HUT Kabupaten Blora ke-275 📋", "Local government event.", "pk_pre", loc="blora")
P("fb", "post", "Alhamdulillah SK PPPK sdh turun, terima kasih semua yg mendoakan 🙏", "Career news.", "after")
P("wa", "post", "Yg mau ikut arisan bulan ini transfer ke saya ya bu2 😊", "Arisan message.", "pk_camp", loc="jt")
P("ig", "post", "Mudik ke Wonogiri, macet di Kartasura tp happy 🚗", "Travel post.", "after")
P("x", "post", "Debat td malem aku ketiduran wkwk, besok nonton siaran ulangnya aja", "Mentions the debate with no preference.", "camp")
P("fb", "post", "Nonton debat cawapres sambil ngeteh, semua paslon semangat ya 😄", "Neutral comment on the debate.", "camp")
P("tt", "post", "vlog sehari jadi guru di pelosok NTT 🌄", "Daily-life vlog.", "camp", loc="ntt")
P("ig", "post", "Bu Khofifah? ya ampun ini nama kucing temenku 😂", "A cat's name, not the candidate.", "after", media="foto kucing putih dengan kalung bertuliskan Khofifah")
P("x", "post", "Prabowo Street Food Festival? bukan, ini Pasar Kangen Jogja, jajanannya enak2 😋", "Joke naming no real support; food festival post.", "pre22")

# ---------------------------------------------------------------- spouse rules: allowed behaviour
P("fb", "post", "Makan malam keluarga di rumah 🥰", "SE 18/2023 allows photos with the candidate spouse without symbols or campaign content.", "camp", media="foto keluarga bersama suami (caleg DPRD) di meja makan rumah, tanpa atribut atau simbol")

# ---------------------------------------------------------------- comments (pass)
P("ig", "comment", "Semoga debat berjalan lancar & damai, siapapun presidennya 🙏", "Neutral comment on news.", "camp", tgt=on("ig:cnnindonesia", "Debat capres malam ini bahas ekonomi"))
P("ig", "comment", "Min, kalau pindah domisili gimana cara urus DPTb?", "Question to KPU.", "camp", tgt=on("ig:kpu_ri", "Info pindah memilih: urus DPTb paling lambat 15 Januari"))
P("fb", "comment", "Selamat ulang tahun bu, semoga sehat selalu. Aamiin 🤲", "Birthday wish, 'aamiin'.", "camp", tgt=on("fb:sri.rahayu", "Alhamdulillah hari ini usia 50", "Sri Rahayu"))
P("x", "comment", "Terima kasih infonya min 🙏", "Thanks to Bawaslu.", "pk_camp", tgt=on("x:bawaslu_ri", "Cara melapor dugaan pelanggaran Pilkada secara online"))
P("ig", "comment", "Mantap Garuda!! 🇮🇩🔥✌️", "Garuda = national team; two goals.", "2024-01-15T23:00:00", tgt=on("ig:timnasindonesia", "FT: Indonesia 2-0 Vietnam. Garuda menang!"))
P("fb", "comment", "Amin ya Allah, semoga lekas sembuh pak 🤲", "Prayer 'amin'.", "camp", tgt=on("fb:hendra.wijaya", "Mohon doanya, bapak dirawat di RSUD", "Hendra Wijaya"))
P("x", "comment", "Hoaks ini sdh dibantah KPU, tolong jgn disebar", "Corrects a hoax.", "camp", tgt=on("x:akun.random88", "Surat suara 02 sudah dicoblos di Malaysia!!", "akun random"))
P("ig", "comment", "Wah keren pak, panen melimpah 🌾👍", "Farming praise.", "pk_camp", tgt=on("ig:dinpertan.grobogan", "Panen raya jagung di Kec. Wirosari"), loc="grobogan")
P("wa", "comment", "Siap pak, laksanakan 🙏", "Office group acknowledgement.", "camp", tgt=on(None, "Besok rapat evaluasi anggaran jam 9 di ruang rapat 2", "Staf Bagian Keuangan"))
P("tt", "comment", "gemoy bgt adeknya 😍", "'gemoy' about a baby.", "camp", tgt=on("tt:mama.muda", "baby pertama kami 👶", "mama muda"))
P("fb", "comment", "Pas bgt ukurannya bu, pesan 2 ya", "'pas' and '2' in an online shop comment.", "camp", tgt=on("fb:olshop.batik", "Batik tulis Lasem ready stok", "Batik Lasem Olshop"))
P("ig", "comment", "Semoga kampanyenya damai, jangan ada gesekan antar pendukung", "Neutral wish on campaign news.", "pk_camp", tgt=on("ig:kompascom", "Kampanye Pilgub Jateng memasuki pekan ketiga"), loc="jt")
P("x", "comment", "Data quick count bukan hasil resmi ya, tunggu rekap KPU", "Neutral clarification on news.", "vote", tgt=on("x:detikcom", "Quick count: Prabowo-Gibran unggul"))
P("yt", "comment", "Terima kasih KPU, penjelasannya jelas sekali 👍", "Thanks KPU on a tutorial video.", "tenang", tgt=on("yt:kpuri", "Tutorial mencoblos surat suara Pemilu 2024", "KPU RI"))
P("th", "comment", "Setuju, ASN harus netral. Pilihan cukup di bilik suara 🗳️", "Neutrality statement.", "camp", tgt=on("th:bawasluri", "ASN netral, pemilu berkualitas"))
P("fb", "comment", "PBB saya sdh lunas bu, tinggal ambil bukti", "PBB = land tax.", "after", tgt=on("fb:kelurahan.sukamaju", "Pengingat pembayaran PBB-P2 tahun 2024", "Kelurahan Sukamaju"))
P("ig", "comment", "Panas bgt ya bun, jaga kesehatan 🥵", "'panas' weather comment.", "camp", tgt=on("ig:infobmkg", "Suhu maksimum 37°C di Jateng hari ini"))
P("wa", "comment", "Gas melon di warung Bu Tini ada, tadi saya beli", "'gas melon' = 3 kg LPG.", "camp", tgt=on(None, "Ada yg tau gas 3kg ready dimana?", "Warga RT 05 Perum Griya Asri"))
P("x", "comment", "Gerak cepat pak, salut sama tim SAR 🙏", "'gerak cepat' for rescue team.", "camp", tgt=on("x:bnpb_indonesia", "Tim SAR gabungan evakuasi korban longsor"))
P("tt", "comment", "abah aku juga suka lagu ini 😭", "'abah' = father.", "after", tgt=on("tt:nostalgia.90an", "Lagu lawas yg bikin nangis", "nostalgia 90an"))
P("ig", "comment", "Aamiin, semoga lancar jd KPPS nya 🙏", "Support for a poll worker.", "camp", tgt=on("ig:dewi.kpps", "Dilantik jadi KPPS hari ini", "Dewi"))

# ---------------------------------------------------------------- shares (pass): news, programmes, KPU
P("fb", "share", "", "Plain share of news about a candidate's promise.", "camp", tgt=on("x:detikcom", "Prabowo janji makan siang gratis jika terpilih"))
P("x", "share", "", "Plain share of neutral news about debate.", "camp", tgt=on("ig:kompascom", "Ringkasan debat capres pertama: isu hukum dan HAM"))
P("ig", "share", "", "Share of a hoax-debunk article.", "camp", tgt=on("ig:tribunnews", "Cek fakta: video Ganjar marah-marah adalah hasil editan"))
P("wa", "share", "", "Forwards KPU's polling-station locator.", "tenang", tgt=on("ig:kpu_ri", "Cari lokasi TPS-mu di cekdptonline.kpu.go.id"))
P("fb", "share", "Ikut bangga 🇮🇩", "Shares national-team news.", "2024-04-29T23:00:00", tgt=on("ig:timnasindonesia", "Garuda Muda lolos semifinal Piala Asia U-23!"))
P("x", "share", "", "Shares BMKG weather warning.", "camp", tgt=on("x:infobmkg", "Peringatan dini cuaca ekstrem Jateng 3 hari ke depan"))
P("fb", "share", "Info buat warga yg belum bayar", "Shares a land-tax reminder.", "after", tgt=on("fb:bapenda.kendal", "Diskon denda PBB sampai 31 Agustus", "Bapenda Kab. Kendal"), loc="kendal")
P("ig", "share", "", "Shares a ministry's neutrality infographic.", "camp", tgt=on("ig:kemenpanrb", "5 larangan ASN di media sosial saat Pemilu"))
P("wa", "share", "", "Forwards Bawaslu's report-a-violation info.", "pk_camp", loc="jt", tgt=on("ig:bawasluri", "Temukan ASN tidak netral? Laporkan!"))
P("th", "share", "", "Shares neutral explainer news.", "camp", tgt=on("ig:cnnindonesia", "Apa itu masa tenang dan apa saja larangannya?"))
P("fb", "share", "", "Shares news of a Pilkada ballot draw.", "2024-09-24T08:00:00", loc="jt", tgt=on("ig:tribunnews", "Nomor urut Pilgub Jateng: Andika-Hendi 1, Luthfi-Yasin 2"))
P("x", "share", "Semoga lancar 🙏", "Shares news of the inauguration.", "2024-10-20T12:00:00", tgt=on("x:tempodotco", "Prabowo-Gibran dilantik hari ini di Gedung MPR"))
P("ig", "share", "", "Shares a disaster-response post.", "camp", tgt=on("ig:bnpb_indonesia", "Gerak cepat distribusi logistik untuk korban banjir Demak"))
P("fb", "share", "Yuk daftar!", "Shares a CPNS recruitment announcement.", "after", tgt=on("ig:bkngoidofficial", "Pendaftaran CASN 2024 dibuka 20 Agustus"))
P("tt", "share", "", "Shares a KPU tutorial video.", "tenang", tgt=on("tt:kpu_ri", "Cara mencoblos yang benar supaya suara sah"))
P("wa", "share", "", "Forwards a school announcement.", "camp", tgt=on(None, "Pengumuman libur sekolah tanggal 14 Februari (hari pemungutan suara)", "Wali Murid Kelas 3B"))
P("yt", "share", "", "Shares a news video.", "recap", tgt=on("yt:kompastv", "Rekapitulasi nasional KPU hari ketiga", "KOMPASTV"))

# ---------------------------------------------------------------- likes (pass)
P("ig", "like", "", "Like on a KPU voter-info post.", "camp", tgt=on("ig:kpu_ri", "Yuk cek DPT online!"))
P("x", "like", "", "Like on a Bawaslu neutrality reminder.", "camp", tgt=on("x:bawaslu_ri", "ASN harus netral, laporkan pelanggaran"))
P("ig", "like", "", "Like on neutral debate news.", "camp", tgt=on("ig:kompascom", "Debat capres keempat digelar malam ini"))
P("fb", "like", "", "Like on a colleague's wedding photo.", "camp", tgt=on("fb:dian.permata", "Alhamdulillah sah 💍", "Dian Permata"))
P("ig", "like", "", "Like on the national football team ('Garuda').", "camp", tgt=on("ig:timnasindonesia", "Garuda lolos ke babak 16 besar Piala Asia!"))
P("ig", "like", "", "Like on a weather agency post.", "pk_camp", tgt=on("ig:infobmkg", "Cuaca hari ini: hujan ringan di sebagian Jateng"))
P("fb", "like", "", "Like on a tax-office reminder.", "after", tgt=on("fb:bapenda.blora", "Bayar PBB tepat waktu, bangun Blora", "Bapenda Blora"), loc="blora")
P("ig", "like", "", "Like on a colleague's inked-finger photo.", "vote", tgt=on("ig:yuni.astuti", "Sudah nyoblos 💜", "Yuni"))
P("ig", "like", "", "Mahfud as minister in 2023, before he became cawapres.", "2023-05-12T20:00:00", tgt=on("ig:mohmahfudmd", "Satgas TPPU mulai bekerja hari ini"))
P("ig", "like", "", "Gibran as mayor in 2022, not yet a candidate.", "2022-11-02T12:00:00", loc="solo", tgt=on("ig:gibran_rakabuming", "Car free day Solo mulai pukul 06.00"))
P("ig", "like", "", "Governor's programme post before Ganjar was declared a bakal calon.", "2022-10-20T19:00:00", loc="jt", tgt=on("ig:ganjar_pranowo", "Lapor Gub: keluhan jalan rusak sudah ditindaklanjuti"))
P("x", "like", "", "Like on a news outlet's fact check.", "camp", tgt=on("x:tempodotco", "Cek fakta: klaim data kemiskinan dalam debat"))
P("tt", "like", "", "Like on a cooking video.", "camp", tgt=on("tt:dapur.bunda", "resep sayur lodeh simpel", "dapur bunda"))
P("fb", "like", "", "Like on a kelurahan programme post.", "pk_camp", loc="jt", tgt=on("fb:kel.tlogosari", "Posyandu balita hari ini, gratis!", "Kelurahan Tlogosari"))
P("th", "like", "", "Like on a Threads post about the peace sign in fashion.", "camp", tgt=on("th:fashion.daily", "Why the ✌️ pose never goes out of style", "fashion daily"))
P("ig", "like", "", "Like on a ministry post naming the minister by office.", "camp", tgt=on("ig:kemenkeu", "Menteri Keuangan: APBN 2024 fokus pada perlindungan sosial"))
P("yt", "like", "", "Like on KPU's tutorial video.", "tenang", tgt=on("yt:kpuri", "Simulasi pemungutan suara Pemilu 2024", "KPU RI"))
P("x", "like", "", "Like on a neutral turnout appeal by a celebrity.", "tenang", tgt=on("x:artis.netral", "Jangan golput ya guys, 14 Feb ke TPS!", "artis"))

# ---------------------------------------------------------------- follows (pass)
for _acct, _name, _when in [
    ("ig:kpu_ri", "KPU RI", "nom"),
    ("x:kpu_id", "KPU RI", "camp"),
    ("ig:bawasluri", "Bawaslu RI", "camp"),
    ("x:bawaslu_ri", "Bawaslu RI", "pk_camp"),
    ("ig:kompascom", "Kompas.com", "camp"),
    ("x:detikcom", "detikcom", "tenang"),
    ("ig:tribunnews", "Tribunnews", "pk_camp"),
    ("x:tempodotco", "Tempo.co", "camp"),
    ("ig:cnnindonesia", "CNN Indonesia", "recap"),
    ("ig:timnasindonesia", "Timnas Indonesia", "camp"),
    ("ig:infobmkg", "BMKG", "camp"),
    ("ig:kemenpanrb", "Kementerian PANRB", "camp"),
    ("ig:bkngoidofficial", "BKN", "after"),
    ("x:bnpb_indonesia", "BNPB Indonesia", "camp"),
    ("tt:kpu_ri", "KPU RI", "tenang"),
    ("ig:pemprovjateng", "Pemprov Jawa Tengah", "pk_camp"),
    ("ig:kulinerjogja", "Kuliner Jogja", "camp"),
    ("fb:pbb.indonesia.un", "PBB - Perserikatan Bangsa-Bangsa Indonesia", "camp"),
    ("ig:garuda.indonesia", "Garuda Indonesia", "camp"),
    ("yt:kpuri", "KPU RI", "pk_camp"),
]:
    _why = "Following an election body, news outlet or non-political account is allowed."
    if _acct in ("ig:timnasindonesia", "ig:garuda.indonesia", "fb:pbb.indonesia.un"):
        _why = "Collision: Timnas/Garuda/PBB are not campaign accounts."
    P(_acct.split(":")[0], "follow", "", _why, _when, loc="jt" if _when.startswith("pk_") else None, tgt=acc(_acct, _name))
P("ig", "follow", "", "Follows the mayor as an official in 2022, before any candidacy.", "2022-10-05T08:00:00", loc="solo", tgt=acc("ig:gibran_rakabuming", "Gibran Rakabuming"))

# ---------------------------------------------------------------- joining non-partisan groups
for _name, _plat, _when in [
    ("RT 05 Perum Griya Asri", "wa", "camp"),
    ("Alumni SMAN 1 Klaten 2005", "wa", "camp"),
    ("Info Loker Semarang", "fb", "pk_camp"),
    ("Komunitas Suporter Garuda Jateng", "fb", "camp"),
    ("Wali Murid Kelas 3B SDN 2 Sukamaju", "wa", "tenang"),
    ("KPPS TPS 012 Kel. Sukamaju", "wa", "2024-01-20T19:00:00"),
    ("Arisan PKK RW 07", "wa", "pk_camp"),
    ("Jual Beli Motor Bekas Blora", "fb", "pk_camp"),
    ("Info Pajak PBB & PKB Kab. Sleman", "fb", "after"),
    ("Relawan Tanggap Bencana BPBD Demak", "wa", "camp"),
    ("Petani Milenial Panen Raya Grobogan", "fb", "pk_camp"),
    ("Serikat Buruh Tani Sejahtera (komunitas belajar)", "fb", "pre23"),
    ("Pantarlih Kec. Todanan Pilkada 2024", "wa", "pk_pre"),
    ("Forum Guru Penggerak Jateng", "wa", "camp"),
    ("Pecinta Kucing Gemoy Semarang", "fb", "camp"),
    ("Pengajian Ummat Masjid Al-Ikhlas", "wa", "camp"),
    ("Gelora Fitness Club Surabaya", "fb", "after"),
    ("Sosialisasi Netralitas ASN Kab. Kendal", "wa", "pk_pre"),
]:
    _loc = "jt" if _when.startswith("pk_") else None
    P(_plat, "join_group", "", "Neighbourhood, work, hobby or election-administration group; not a winning team.", _when, loc=_loc, tgt=grp(_name))

# ---------------------------------------------------------------- profile photos (pass)
for _plat, _when, _media, _why in [
    ("fb", "camp", "foto keluarga di taman, ayah ibu dan dua anak tersenyum", "Family photo."),
    ("ig", "2023-11-29T07:00:00", "twibbon 'HUT ke-52 KORPRI' dengan foto pemilik akun berseragam Korpri", "Office anniversary twibbon."),
    ("wa", "2023-08-17T06:00:00", "twibbon 'Dirgahayu RI ke-78' merah putih", "Independence Day twibbon."),
    ("fb", "tenang", "twibbon KPU 'Ayo Memilih 14 Februari 2024' tanpa gambar paslon", "KPU turnout twibbon."),
    ("ig", "camp", "twibbon 'Saya ASN, Saya Netral' dari Kemenpan RB", "Neutrality pledge twibbon."),
    ("wa", "2023-11-25T06:30:00", "twibbon 'Selamat Hari Guru Nasional'", "Teachers' day twibbon."),
    ("fb", "after", "foto wisuda anak pertama, memakai toga", "Child's graduation photo."),
    ("x", "camp", "logo Garuda Timnas Indonesia dengan tulisan 'Garuda di Dadaku'", "Football team logo, not Partai Garuda."),
    ("ig", "camp", "foto bersama istri berlibur di Bali, suami pose peace dua jari", "Holiday V-sign with spouse, no campaign content."),
    ("fb", "tenang", "twibbon Bawaslu 'Tolak Politik Uang, Tolak Politisasi SARA'", "Bawaslu twibbon."),
    ("wa", "pk_pre", "twibbon 'Hari Jadi Kabupaten Blora ke-275'", "Regency anniversary twibbon."),
    ("tt", "camp", "foto kucing gemoy oranye memakai kacamata", "Cat photo; 'gemoy' ordinary."),
    ("th", "vote", "foto jari kelingking bertinta ungu dengan tulisan 'Aku Sudah Memilih'", "Inked-finger voted badge, no pair."),
    ("ig", "pk_tenang", "twibbon KPU Jateng 'Pilkada Serentak 27 November 2024, Ayo ke TPS'", "KPU Pilkada twibbon."),
    ("fb", "recap", "foto pemilik akun memakai rompi petugas KPPS di depan TPS", "Poll-worker photo."),
    ("x", "after", "ilustrasi burung garuda Pancasila", "National emblem."),
    ("ig", "pk_camp", "foto anak kecil mengacungkan jempol sambil makan es krim", "Kid's thumbs-up, no campaign link."),
    ("wa", "camp", "foto profil bunga matahari", "Plain photo."),
]:
    _loc = "jt" if _when.startswith("pk_") else None
    P(_plat, "profile_photo", "", _why, _when, loc=_loc, media=_media)

# ---------------------------------------------------------------- Pilkada voting day and after; YouTube; early phase
P("ig", "post", "Sudah nyoblos Pilgub & Pilbup 💜 sekarang balik kerja", "Voting-day post with no choice shown.", "pk_vote", loc="blora", media="jari kelingking bertinta ungu di depan TPS")
P("wa", "post", "Bapak ibu KPPS TPS 05, C-hasil sudah difoto, jangan lupa tanda tangan saksi ✌️ makasih", "Poll-worker logistics with a casual emoji.", "pk_vote", loc="jt")
P("x", "post", "Siapapun gubernurnya nanti, jalan provinsi di kampung saya tolong dibenerin 🙏", "Neutral wish after the Pilkada vote.", "pk_after", loc="grobogan")
P("fb", "post", "KPU Jateng tetapkan hasil rekapitulasi Pilgub. Mari hormati hasilnya dan kembali bersatu.", "Neutral post on official results.", "pk_after", loc="jt")
P("yt", "post", "Vlog upacara HUT Korpri ke-53 di kantor, pakai batik Korpri baru 😁", "Office anniversary vlog.", "pk_after", loc="kendal", media="video upacara HUT Korpri, ASN berbaris tanpa simbol jari")
P("yt", "comment", "Penjelasan cara pindah memilih jelas banget, makasih min", "Thanks KPU for a tutorial.", "pk_camp", loc="jt", tgt=on("yt:kpuri", "Cara mengurus pindah memilih Pilkada 2024", "KPU RI"))
P("yt", "share", "", "Shares a news channel's neutral debate recap.", "pk_camp", loc="jt", tgt=on("yt:kompastv", "Rangkuman debat kedua Pilgub Jateng", "KOMPASTV"))
P("fb", "post", "Nomor antrean Samsat tadi 2, cepet bgt pelayanannya 👍", "'2' as a queue number on Pilkada voting week.", "pk_tenang", loc="blora")
P("ig", "post", "SKB netralitas ASN sudah terbit, yuk pelajari larangannya biar gak salah langkah di medsos", "Neutrality education right after the SKB.", "pre22")
P("x", "post", "Hasil pengundian nomor urut parpol peserta Pemilu 2024 sudah keluar, cek di web KPU ya", "Neutral pointer to KPU party numbers.", "2022-12-15T09:00:00")
