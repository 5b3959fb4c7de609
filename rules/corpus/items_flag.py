# ruff: noqa: E501
"""Hand-written flag items: ASN acts a supervisor must see (forms N01-N15, see README.md)."""

from __future__ import annotations

# Data tables: one item per line reads better than ruff-format's vertical layout.
# fmt: off
from make_corpus import F, acc, grp, on

# ---------------------------------------------------------------- N02: own posts that campaign
F("fb", "post", "N02", "Bismillah, 14 Feb coblos 02 ya bapak ibu, biar pembangunan lanjut 🇮🇩 #PrabowoGibran2024", "Explicit call to vote pair 02.", "camp")
F("x", "post", "N02", "Fix no debat, Abah paling cerdas. #AMIN #AniesMuhaimin2024", "Praises Anies by nickname with AMIN campaign hashtags.", "camp")
F("ig", "post", "N02", "Gerak cepat! Menangkan Ganjar-Mahfud 🤟 #GerakCepatGanjarMahfud", "Explicit 'menangkan' for pair 03 with their tagline hashtag.", "camp")
F("tt", "post", "N02", "oke gas oke gas tambah dua torang gas 💃 joget gemoy dulu guys", "Sings the 02 jingle lyric 'tambah dua' with joget gemoy.", "camp", media="video joget di ruang tamu, teks overlay 'Prabowo Gibran Paling Pas'")
F("wa", "post", "N02", "Satu putaran aja biar hemat anggaran negara 😎 02!!", "WhatsApp status pushing the pro-02 'satu putaran' slogan.", "camp")
F("x", "post", "N02", "Pr4bowo-G1bran satu putaran, gak usah ribet", "Leetspeak names plus 'satu putaran' slogan.", "camp")
F("fb", "post", "N02", "G a n j a r  M a h f u d  sat set tas tes, 3 jari bosku 🤟", "Spaced-letter name with three-finger sign.", "camp")
F("ig", "post", "N02", "An1es = harapan perubahan. 1️⃣ pilihan gw", "Leetspeak Anies and number one as personal choice.", "camp")
F("th", "post", "N02", "El Gemoy emang the best sih, 14 feb jgn lupa ke TPS coblos yg gemoy 😘", "Nickname for Prabowo with a vote call.", "camp")
F("x", "post", "N02", "Samsul kemarin keren bgt debatnya, makin yakin pilih nomor 2", "Nickname for Gibran plus declared vote for number 2.", "camp")
F("x", "post", "N02", "El Slepet ngegas terus, slepet abis! Abah & Gus Imin menang 🔥", "Nicknames for the 01 pair wishing them victory.", "camp")
F("tt", "post", "N02", "El Chudai presiden rakyat, no 3 gaskeun #GanjarPresidenRakyat", "Nickname for Ganjar, number 3 and campaign hashtag.", "camp")
F("fb", "post", "N02", "nomor 2 jangan lupa ya sodara2ku di kampung 🙏", "Coded 'nomor 2 jangan lupa' during the Pilpres campaign.", "camp")
F("ig", "post", "N02", "4 jari ✊ yg penting bukan yg itu 😂 #BukanPrabowoGibran #SatuTigaTambahKita", "Anti-02 'empat jari' campaign counts as partisan.", "camp")
F("x", "post", "N02", "Salam 4 jari! 01+03 kita lawan bareng2 #HadangPemiluCurang", "Salam empat jari anti-02 movement.", "camp")
F("wa", "post", "N02", "🎶 mari coblos Prabowo-Gibran, nomor 2 janganlah lupa 🎶 pagi2 nyanyi dulu", "Sings a pro-02 campaign song on WA status.", "camp")
F("fb", "post", "N02", "Kalo Pak Ganjar maju 2024 saya siap jd pendukung garis keras, Jateng udh bukti kerjanya", "Promotes a bakal calon before determination (kode etik track).", "pre23")
F("fb", "post", "N02", "Anies for president 2024!! Udah waktunya perubahan #AniesPresiden2024", "Promotes a declared bakal capres.", "pre23")
F("ig", "post", "N02", "Prabowo-Gibran resmi daftar ke KPU, pasangan paling komplit. Siap menangkan! 💪", "Registration news turned into a pledge to win.", "nom")
F("yt", "post", "N02", "Kenapa saya (guru PNS) pilih AMIN? Simak alasannya sampai habis 👇 #AMIN", "Video promoting pair 01 by a self-declared civil servant.", "camp", media="video vlog seorang guru berbicara di depan kamera tentang program Anies-Muhaimin")
F("x", "post", "N02", "Masa tenang tp hati gak tenang kalo 03 gak menang. Besok 🤟🤟", "Campaigns for 03 during the quiet period.", "tenang")
F("wa", "post", "N02", "Udah nyoblos no 2, tinta ungu siap, semoga satu putaran 🤲", "Voting-day status that declares and promotes 02.", "vote", media="jari kelingking bertinta ungu di depan poster paslon 02")
F("fb", "post", "N02 N10", "Alhamdulillah 02 menang satu putaran!! Syukuran di posko malam ini, merapat semua 🎉", "Victory celebration invitation: partisan activity after voting.", "recap")
F("x", "post", "N02", "Tetap Abah presidenku, hasil MK gak ngaruh #AMIN", "Partisan support continues after the vote; rules apply after the campaign too.", "after")
F("fb", "post", "N02", "Harga beras naik terus, 14 Feb saatnya PERUBAHAN 🔄 pilih yg bawa perubahan #AMIN", "Campaign message with AMIN hashtag.", "camp")
F("x", "post", "N02", "Desak Anies td malam di kampus keren bgt, Abah the real presiden 🔥", "Promotes Anies after a campaign event.", "camp")
F("tt", "post", "N02", "gasss pol Ganjarrr 🤟🤟🤟 sat set", "Stretched letters and three-finger emoji for Ganjar.", "camp")
F("fb", "post", "N02", "Pak Prabowo harus maju lg 2024, ketiga kalinya pasti jadi! 🇮🇩 #PrabowoPresiden2024", "Promotes a bakal capres before candidacy.", "pre23")
F("x", "post", "N02", "2024 Anies presiden, titik. Formula E bukti kerja nyata", "Promotes Anies right after NasDem declared him (bakal calon).", "pre22")
F("ig", "post", "N02", "Ayo dukung Gerindra nomor 2 di Pileg, partai yg peduli petani 🦅", "Promotes a political party with its ballot number.", "pre23")
F("fb", "post", "N02", "Mohon doa & dukungan utk kakak saya, caleg DPRD Kab. Sleman dapil 3 dari PKS nomor urut 4 🙏", "Campaigns for a legislative candidate (family member, not spouse).", "camp")
F("x", "post", "N02", "Honestly Prabowo-Gibran is the only realistic choice. Vote 02, let's go!", "English-language vote call for 02.", "camp")
F("th", "post", "N02", "pilih 01 biar Indonesia adil makmur untuk semua 🙏 #AMIN", "Vote call for 01 with its slogan.", "camp")
F("x", "post", "N02", "P r a b o w o  G i b r a n  2024 ✌️", "Spaced letters plus two-finger emoji.", "camp")
F("fb", "post", "N02", "G4nj4r-M4hfud for RI 1 💪", "Leetspeak campaign line for 03.", "camp")
F("ig", "post", "N02", "Abah aja udah, yg lain lewat ☝️☝️", "Nickname plus index-finger emoji: support for 01.", "camp")
F("tt", "post", "N02", "Mas Samsul ganteng bgt, 2 putaran? gak dong, 1 aja 😜", "Nickname for Gibran and the one-round slogan.", "camp")
F("x", "post", "N02", "yg 01 omon-omon doang, yg 03 gak jelas, udah lah 2 aja", "Compares pairs and recommends 02.", "camp")
F("fb", "post", "N02", "Jangan pilih yg 02, dinasti politik! Kembalikan demokrasi kita", "Negative campaign against a pair is partisan too.", "camp")
F("th", "post", "N02", "Debat td mah udh jelas siapa yg layak ✌️✌️✌️ #debatcapres", "Two-finger emoji right after a presidential debate signals 02.", "camp")
F("ig", "post", "N02", "Makan siang gratis buat anak sekolah? Cuma 02 yg berani janji & pasti bisa! 🍱", "Promotes 02's programme as a reason to vote.", "camp")
F("fb", "post", "N02", "KTP sakti, internet gratis sekolah, itu baru program! Sat set 3️⃣", "Promotes 03's programmes and number.", "camp")
F("x", "post", "N02", "Bukan soal suka gak suka, tapi Indonesia butuh perubahan. AMIN 🤲 (bukan doa ya 😁)", "AMIN used deliberately as the pair's name, not a prayer.", "camp")
F("wa", "post", "N02", "Yg masih bingung, ikut aku aja, 1️⃣ ☝️ wkwk", "WA status pointing followers to number one during the campaign.", "camp")
F("tt", "post", "N02", "POV: kamu PNS tapi hati udah 03 🤟 jgn bilang2 atasan ya", "TikTok declaring support for 03.", "camp", media="video pemilik akun berseragam coklat PNS menirukan salam metal")
F("ig", "post", "N02", "Gibran cawapres termuda, anak muda harus bangga! gas 02 🔥", "Promotes Gibran and 02.", "nom")
F("fb", "post", "N02", "Indonesia Emas 2045 cuma bisa kalau lanjut, bersama Indonesia Maju nomor 2 🇮🇩", "Uses 02 vision slogan with its number: campaign, not government talk.", "camp")
F("x", "post", "N02", "jangan golput, tp jgn salah pilih juga. yg gemoy2 aja lah 😋", "Turnout appeal that steers to Prabowo by nickname.", "tenang")

# Pilkada 2024: numbers resolved by region.
F("ig", "post", "N02", "Jateng makin maju bareng nomor 2 🙌 #LuthfiYasin", "In Jawa Tengah Pilgub, number 2 is Luthfi-Yasin.", "pk_camp", loc="jt")
F("fb", "post", "N02", "Coblos nomer loro, pak Luthfi karo Gus Yasin, Jateng aman 👮", "Javanese vote call for Luthfi-Yasin.", "pk_camp", loc="grobogan")
F("fb", "post", "N02", "Bareng Andika-Hendi, Jateng tetep kandang banteng 🐂 nomer siji!", "Vote call for Andika-Hendi (Jateng no. 1).", "pk_camp", loc="jt")
F("wa", "post", "N02", "ABDI wae, nomer 2, wis wayahe ganti 🙏", "In Blora regent race, number 2 is ABDI.", "pk_tenang", loc="blora")
F("ig", "post", "N02", "nomor 2 lanjutkan, Bu Khofifah & Mas Emil 💪", "Jatim Pilgub number 2 is Khofifah-Emil.", "pk_camp", loc="jatim")
F("x", "post", "N02", "RIDO menang satu putaran!! Jakarta baru ☝️", "Promotes Jakarta pair 1 (RIDO).", "pk_camp", loc="dki")
F("tt", "post", "N02", "Si Doel anak Betawi asli, nomer 3 jgn lupa 🎬", "Promotes Jakarta pair 3 (Pramono-Rano).", "pk_camp", loc="dki")
F("ig", "post", "N02", "Tgl 27 jangan lupa nomor 2 ya lur ✌️", "Coded number; in Jawa Tengah it resolves to Luthfi-Yasin.", "pk_camp", loc="kendal")
F("fb", "post", "N02", "tgl 27 nov ayo coblos nomer 2 rek ✌️", "Coded number; in Jawa Timur it resolves to Khofifah-Emil.", "pk_camp", loc="jatim")
F("wa", "post", "N02", "Pak Jenderal purn. wis bukti njaga Jateng, saiki wayahe mimpin. Nomer 1 🫡", "Promotes Andika Perkasa (retired general, Jateng no. 1) by description.", "pk_camp", loc="solo")
F("th", "post", "N02", "Gus Yasin sdh pengalaman jd wagub, paket lengkap sm Pak Luthfi. 27/11 🙏✌️", "Promotes Luthfi-Yasin with the two-finger sign.", "pk_tenang", loc="jt")
F("tt", "post", "N02", "L u t h f i  Y a s i n  nomer 2 gaaasss", "Spaced letters and stretched 'gas' for Luthfi-Yasin.", "pk_camp", loc="brebes")
F("x", "post", "N02", "Prabowo udh dukung Pak Luthfi, ya udh ikut presiden aja lah, 2 👍", "Endorsement chain to Luthfi-Yasin.", "pk_camp", loc="jt")
F("fb", "post", "N02", "Yang penting Blora ASRI 🌳 lanjut 2 periode, nomer siji!", "ASRI is Blora pair 1 (Arief-Sri), not just 'beautiful'.", "pk_camp", loc="blora")
F("ig", "post", "N02", "Hendi pernah jd walkot Semarang, terbukti. Jateng butuh yg kayak gini ☝️", "Promotes Hendi (Andika-Hendi, no. 1) with index finger.", "pk_pre", loc="jt")

# ---------------------------------------------------------------- N10: partisan activity, appeals to staff/family/public, gifts
F("wa", "post", "N10", "Rekan2 staf, besok sore kumpul di rumah saya ya, ada silaturahmi dgn tim 02, sekalian bagi2 kaos 🙏", "Invites office staff to a partisan meeting with gifts.", "camp")
F("wa", "post", "N10", "Bapak ibu guru sekalian, mohon diarahkan wali murid utk memilih paslon 03, demi keberlanjutan program sekolah", "Headteacher directs teachers to steer parents to 03.", "camp")
F("fb", "post", "N10", "Terima kasih warga Desa Sukamaju yg hadir di pertemuan bersama Tim Pemenangan AMIN tadi malam, sembako sdh dibagi semua", "Camat reports a partisan meeting with goods handed out.", "camp")
F("yt", "post", "N10", "Arahan untuk seluruh ASN di lingkungan Pemkab: ingat siapa yg memperjuangkan kalian. 2024 kita solid.", "Video instruction to ASN to back a bakal calon (Muna Barat-type case).", "pre23", media="video seorang pejabat berseragam PDH berpidato di aula kantor: 'kalian ASN harus ingat siapa yang kasih jabatan, 2024 dukung bapak kita'")
F("fb", "post", "N10", "Ajak keluarga besar pilih Ganjar-Mahfud ya, stiker & kalender udah saya kirim ke tiap rumah", "Appeal to family plus distributed campaign goods.", "camp")
F("wa", "post", "N10", "Bukan serangan fajar ya, ini sedekah 😁 amplop di meja masing2, besok pilih 2", "Gives money with a vote instruction in the quiet period.", "tenang")
F("ig", "post", "N10", "Ngopi bareng sedulur ASN Kec. Kradenan bahas kemenangan Luthfi-Yasin ☕ matur nuwun", "Meeting of ASN about a candidate's win.", "pk_camp", loc="blora")
F("wa", "post", "N10 N15", "Ibu2 PKK kumpul besok jam 9 di balai desa, ada bingkisan dr Bu Khofifah, pakai baju putih ya", "Partisan gathering with gifts at a public building.", "pk_camp", loc="jatim")
F("x", "post", "N10 N15", "Syukuran kemenangan 02 di aula kantor kecamatan jumat besok, semua staf wajib hadir", "Victory party in an office hall with staff ordered to attend.", "recap")
F("wa", "post", "N10", "Grup keluarga: Pakde, Bude, sepupu semua, tolong ya nomor 1 AMIN. Sudah saya pertimbangkan matang2 🙏", "Partisan appeal to family members in a WA group.", "camp")
F("fb", "post", "N10", "Lomba tumpeng antar RT, hadiah dari Pak Caleg Gerindra nomor 1, jangan lupa dukung beliau ya warga 😊", "Neighbourhood event used to push a caleg, gifts attributed to him.", "camp")
F("x", "post", "N10", "Rapat dinas hari ini sekalian titip salam dr Pak Ganjar buat semua staf 🤟 paham kan maksudnya", "Partisan hint to subordinates in a work meeting.", "camp")
F("wa", "post", "N10", "Pengumuman utk ketua RT se-kelurahan: tolong data warga yg siap dukung paslon nomor 2, kirim ke saya sblm Jumat", "Lurah asks RTs to collect supporters of a pair.", "pk_camp", loc="grobogan")
F("fb", "post", "N10", "Bagi2 kalender 2024 bergambar Abah Anies ke tetangga, biar ingat terus 😁", "Hands out campaign calendars to neighbours.", "camp", media="tumpukan kalender bergambar Anies-Muhaimin nomor 1")

# ---------------------------------------------------------------- N05: partisan photos (with candidate, pose, attributes)
F("ig", "post", "N05", "Alhamdulillah ketemu langsung 🥰 sehat selalu pak", "Photo with the Jateng candidate making the two-finger sign.", "pk_camp", loc="jt", media="foto bersama cagub Luthfi, berpose dua jari")
F("ig", "post", "N05", "rejeki pagi2 ketemu orang baik di pasar", "Photo with cawapres Gibran, both raising two fingers.", "camp", media="selfie dengan Gibran Rakabuming di pasar, keduanya acungkan dua jari")
F("fb", "post", "N05", "Desak Anies seru bgt td!", "Photo with Anies, index finger up, at a campaign event.", "camp", media="foto bersama Anies Baswedan di panggung Desak Anies, telunjuk ke atas")
F("ig", "post", "N05", "Kompak selalu tim keuangan 💯", "Office staff pose metal sign in front of a 03 billboard.", "camp", media="foto 8 staf kantor pose salam metal tiga jari di depan baliho Ganjar-Mahfud")
F("fb", "post", "N05", "Keluarga kecilku 🥰", "Family poses two fingers before a 02 billboard.", "camp", media="foto keluarga di depan baliho Prabowo-Gibran, semua acungkan dua jari")
F("ig", "post", "N05", "#throwback 2022 ketemu Pak Anies pas masih gubernur 🥰 kangen", "Old photo with a candidate re-uploaded during the campaign still counts.", "camp", media="foto lama bersama Anies Baswedan di Balai Kota, keduanya tersenyum")
F("fb", "post", "N05", "Silaturahmi bareng tim sukses, sukses terus bro", "Photo with a campaign team in party shirts.", "camp", media="foto bersama tim sukses caleg Gerindra memakai kaos partai dengan logo garuda Gerindra")
F("fb", "post", "N05", "Matur nuwun sampun rawuh", "Photo with Blora regent candidate pair 2 making two fingers.", "pk_camp", loc="blora", media="foto bersama cabup Abu Nafi (ABDI), pose dua jari")
F("ig", "post", "N05", "Halal bihalal penuh berkah 🤲", "Camat photographed with a bakal calon bupati raising one finger, before determination.", "pk_pre", loc="blora", media="foto camat bersama bakal cabup Arief Rohman (ASRI) pose satu jari di acara halal bihalal")
F("ig", "post", "N05", "Suroboyo panas tp hati adem 😍", "Photo with Khofifah raising two fingers.", "pk_camp", loc="jatim", media="foto bersama Khofifah Indar Parawansa, dua jari")
F("fb", "post", "N05", "Makan siang bareng rombongan 😋", "Innocent caption; the photo shows Ganjar and TPN with the metal sign.", "camp", media="foto bersama Ganjar Pranowo dan rombongan TPN, semua pose jari metal 🤟")
F("ig", "post", "N05", "saranghaeyo pak 🫰", "Korean finger heart with a candidate is on the banned-pose list.", "camp", media="foto bersama Gibran, keduanya pose finger heart")
F("x", "post", "N05", "kebetulan lewat, foto dulu", "Photo with Ganjar doing the OK sign (read as 3).", "camp", media="foto bersama Ganjar Pranowo, pemilik akun membuat tanda OK 👌")
F("ig", "post", "N05", "Kompak ✌️ #14februari", "Staff group pose with two fingers tied to election day.", "camp", media="foto seluruh pegawai puskesmas berseragam, semua mengacungkan dua jari")
F("fb", "post", "N05", "Mampir posko, disuguhi kopi ☕", "Photo inside a campaign post with candidate backdrop.", "camp", media="foto pemilik akun duduk di posko pemenangan dengan latar spanduk besar Anies-Muhaimin nomor 1")
F("tt", "post", "N05", "joget bareng idola 😍😍", "Video dancing with Prabowo at a rally.", "camp", media="video pemilik akun joget gemoy bersama Prabowo di atas panggung kampanye")
F("ig", "post", "N05", "pose andalan 🔫", "Pistol pose (2019 code for 02) under a Gerindra flag.", "nom", media="foto pemilik akun pose jempol dan telunjuk di bawah dagu, di belakang bendera Gerindra")
F("th", "post", "N05", "Wisuda S2 selesai, terima kasih semua 🎓", "Graduation photo with a caleg in party jacket and four fingers (his list number).", "camp", media="foto wisuda bersama caleg DPR berjaket partai NasDem, keduanya mengacungkan empat jari")
F("ig", "post", "N05", "Dolan Semarang sama bocil", "Photo with Andika Perkasa, index finger up.", "pk_camp", loc="jt", media="foto pemilik akun dan anaknya bersama Andika Perkasa, mengacungkan satu jari")
F("fb", "post", "N05", "Reuni akbar angkatan 98 ✊", "Reunion photo with a Jakarta cagub and the index finger.", "pk_camp", loc="dki", media="foto reuni bersama Ridwan Kamil yang sedang kampanye, semua acungkan telunjuk")
F("ig", "post", "N05", "baju baru 😁", "Wears a campaign shirt of pair 01 in a public post.", "camp", media="selfie memakai kaos bertuliskan 'AMIN 1 Indonesia Adil Makmur'")
F("wa", "post", "N05", "jadi juga ketemu beliau 😭🙏", "WA status photo with Anies; WA status is public-ish.", "camp", media="foto bersama Anies Baswedan saat kunjungan kampanye")

# ---------------------------------------------------------------- N03/N15: campaign attendance, ASN attributes, state facilities
F("ig", "post", "N03 N15", "Pulang dinas langsung ke kampanye akbar 🔥🔥", "Active rally participation in civil-service uniform.", "camp", media="foto pemilik akun memakai seragam PDH Pemda dengan ID card, di tengah massa kampanye memegang bendera Gerindra")
F("fb", "post", "N02 N15", "otw sosialisasi ke desa2 🚗", "Official red-plate car with a candidate sticker.", "camp", media="mobil dinas plat merah ditempel stiker Ganjar-Mahfud nomor 3")
F("tt", "post", "N02 N15", "anak2 kelas 6 happy bgt 😂", "Teacher in Korpri uniform sings the 02 jingle with pupils.", "camp", media="video guru berseragam Korpri di kelas bernyanyi 'oke gas oke gas' bersama murid")
F("wa", "post", "N10 N15", "Aula kantor kecamatan dipakai utk konsolidasi relawan AMIN malam ini, silakan hadir", "Office hall used for a campaign meeting.", "camp")
F("ig", "post", "N05 N15", "Batik Korpri hari ini 😊", "Korpri uniform, two fingers, in front of a candidate post.", "pk_camp", loc="jt", media="foto berseragam batik Korpri, tangan dua jari, di depan posko Luthfi-Yasin")
F("fb", "post", "N03 N15", "ASN Dinas kami kompak hadir kampanye akbar, pakai kaos biru muda 💙", "Mobilising fellow civil servants to a rally.", "camp", media="puluhan pegawai dinas berbaris di lapangan kampanye Prabowo-Gibran dengan kaos biru muda")
F("x", "post", "N03", "Di barisan depan kampanye Pak Ganjar di Solo! teriak sampe serak 🤟", "Active participation at a campaign rally.", "camp", loc="solo")
F("ig", "post", "N03", "Konser rakyat Andika-Hendi, ikut nyanyi sampe habis 🎤", "Active participation in a candidate's rally.", "pk_camp", loc="jt", media="pemilik akun di atas panggung kampanye memegang mikrofon bersama tim Andika-Hendi")
F("fb", "post", "N13 N15", "Penyaluran beras hari ini titipan Pak Gibran, jangan lupa 14 Feb 😉", "Government aid at the kelurahan presented as a candidate's gift.", "camp", media="karung beras bergambar paslon 02 dibagikan di kantor kelurahan")
F("ig", "post", "N15", "Laptop kantor wallpapernya 😎", "Campaign poster displayed on an office device in a public post.", "camp", media="laptop berstiker aset Pemkab dengan wallpaper poster Anies-Muhaimin nomor 1")

# ---------------------------------------------------------------- N13: official decisions/actions favouring or harming a candidate
F("fb", "post", "N13", "Bantuan alsintan tahun ini hanya utk kelompok tani yg siap memenangkan paslon 02", "Programme access tied to supporting a pair.", "camp")
F("fb", "post", "N13", "Pemkab tidak akan memberi izin penggunaan alun2 utk kampanye paslon 01, titik.", "Official decision harming one pair.", "camp")
F("wa", "post", "N10 N13", "Ortu yg anaknya mau dapat PIP tolong pastikan keluarganya pilih no 3 ya", "Headteacher ties a school aid programme to a vote.", "camp")
F("x", "post", "N13", "Program bedah rumah kelurahan tahun ini prioritas warga pendukung Andika-Hendi", "Public programme allocated by partisan support.", "pk_camp", loc="jt")
F("fb", "post", "N13", "Pencairan dana RT dipercepat bagi RT yg sudah deklarasi dukung ASRI", "Camat speeds up funds for supporters of a Blora pair.", "pk_camp", loc="blora")
F("ig", "post", "N13", "Mulai hari ini spanduk paslon nomor 1 di wilayah kecamatan kami ditertibkan, yg nomor 2 boleh tetap 😉", "Selective enforcement favouring a Jateng pair.", "pk_camp", loc="kendal")
F("fb", "post", "N13", "Launching Kartu Sehat Kabupaten, program unggulan Bupati petahana, lanjutkan di Pilkada ya!", "Government programme launch turned into a re-election pitch.", "pk_camp", loc="blora")

# ---------------------------------------------------------------- N07: spouse of a candidate
F("fb", "post", "N07 N02", "Mohon doa restu, suami saya maju caleg DPRD Prov Jabar dapil 5 dari Golkar, nomor urut 3 🙏 coblos ya", "ASN promotes her candidate husband (SE 18/2023).", "camp", loc="jabar")
F("ig", "post", "N07 N05", "Dampingi ayah anak2 kampanye di Lapangan Merdeka 💛", "Accompanying is allowed, but on stage with a number sign it is not.", "camp", media="istri caleg berseragam batik berdiri di panggung kampanye bersama suaminya, mengacungkan empat jari (nomor urut 4)")
F("wa", "post", "N07 N02", "Yg sayang sama aku pilih suamiku ya, nomer 5 PAN 😍", "Spouse promotes the candidate husband; PAN here is the party.", "camp")
F("th", "post", "N07", "Capek tp bahagia, hari ke-40 keliling dapil nemenin suami 🙏 doakan amanah", "Joins spouse's campaign tour (no CLTN) and asks for prayers.", "camp", media="pemilik akun membagikan kartu nama caleg kepada warga di pasar")

# ---------------------------------------------------------------- N09, N11, N08, N12
F("ig", "post", "N09", "Alhamdulillah resmi jd kader, KTA sdh jadi 💙", "Shows own party membership card.", "pre23", media="foto KTA Partai Demokrat atas nama pemilik akun")
F("fb", "post", "N09", "Dilantik sbg wakil bendahara DPC PKB Kab. Jombang, mohon doanya 🙏", "Party official position.", "pre23")
F("x", "post", "N09", "Bangga jd anggota Partai Buruh ✊ kartu anggota udh di tangan", "Membership of Partai Buruh; 'buruh' here is the party.", "pre22")
F("fb", "post", "N09 N10", "Rapat pengurus ranting Gerindra Kec. Tanjungsari malam ini, hadir lengkap 💪", "Acts as a party branch official.", "pre23")
F("tt", "post", "N09", "unboxing seragam & KTA Partai Gelora 🌊 officially member guys", "Gelora is the party here, with membership card.", "pre23", media="video membuka paket berisi jaket dan kartu anggota Partai Gelora")
F("fb", "post", "N11", "Amanah baru: Koordinator Relawan Ganjar-Mahfud Kec. Wonosari. Siap kerja!", "Takes a winning-team role.", "camp")
F("wa", "post", "N11 N10", "Saya admin grup Relawan AMIN Kab. Bima, yg mau gabung japri ya", "Administers a winning-team group and recruits.", "camp")
F("ig", "post", "N11", "SK tim ahli penyusun visi misi sudah turun 😎 kerja kerja kerja", "Expert-team role for a prospective pair.", "nom", media="foto surat keputusan tim ahli pemenangan bakal pasangan calon dengan kop koalisi")
F("x", "post", "N11", "Diminta bantu jd konsultan tim pemenangan Luthfi-Yasin, bismillah", "Consultant role for a Pilkada pair.", "pk_pre", loc="jt")
F("fb", "post", "N11", "Rekap data saksi TPS utk tim 02 Kec. Cikarang saya yg koordinir, kirim japri", "Coordinates a campaign's poll witnesses.", "tenang")
F("fb", "post", "N08", "Bismillah, saya siap maju Pilbup Blora 2024 jalur partai, mohon restu & dukungan 🙏", "ASN seeks nomination without unpaid leave.", "after", loc="blora", media="baliho pemilik akun berseragam PNS bertuliskan 'Siap Mengabdi untuk Blora'")
F("wa", "post", "N12", "Yg mau dukung calon DPD independen Pak Harun, kirim fotokopi KTP ke saya ya, nanti sy kumpulkan", "Collects KTP copies for an independent candidate.", "pre23")

# ---------------------------------------------------------------- N01: digital campaign props (profile photo / cover)
F("fb", "profile_photo", "N01", "", "Campaign twibbon as profile photo.", "camp", media="foto profil dengan bingkai twibbon 'Saya Pilih AMIN' dan logo nomor 1")
F("ig", "profile_photo", "N01", "", "02 twibbon as profile photo.", "camp", media="twibbon 'Prabowo-Gibran 2024 Lanjutkan!' dengan angka 2 besar, wajah pemilik akun di tengah")
F("wa", "profile_photo", "N01", "", "Campaign poster as WhatsApp profile photo.", "camp", media="poster Ganjar-Mahfud nomor 3 'Gerak Cepat'")
F("fb", "profile_photo", "N01", "", "Pilkada candidate banner as Facebook cover.", "pk_camp", loc="jt", media="foto sampul: baliho 'Luthfi-Yasin Nomor 2' dengan logo koalisi")
F("ig", "profile_photo", "N01", "", "Pilkada twibbon for Jateng pair 1.", "pk_camp", loc="jt", media="twibbon Andika-Hendi nomor 1 dengan wajah pemilik akun")
F("x", "profile_photo", "N01", "", "Anti-02 four-finger twibbon.", "camp", media="avatar tangan empat jari dengan tulisan #SatuTigaTambahKita")
F("tt", "profile_photo", "N01", "", "Cartoon of the 02 candidate with the jingle slogan.", "camp", media="kartun Prabowo joget gemoy dengan tulisan 'Oke Gas'")
F("fb", "profile_photo", "N01", "", "Bakal calon twibbon before determination (kode etik track).", "pre23", media="twibbon 'Anies Presiden 2024' dengan foto pemilik akun")
F("ig", "profile_photo", "N01 N15", "", "Uniformed ASN photo inside a campaign frame.", "camp", media="foto pemilik akun berseragam PDH Pemkab dengan bingkai twibbon Ganjar-Mahfud")
F("wa", "profile_photo", "N01", "", "Blora regent pair poster as WA profile photo.", "pk_camp", loc="blora", media="poster ASRI nomor 1 Arief Rohman - Sri Setyorini")
F("fb", "profile_photo", "N01 N07", "", "Spouse's caleg poster as profile photo.", "camp", media="poster caleg DPRD 'Bambang Susilo, nomor urut 2 PKB' (suami pemilik akun)")
F("th", "profile_photo", "N01", "", "Emoji avatar coding pair 01.", "camp", media="avatar bertuliskan 'AMIN ☝️ 14.02.2024' dengan logo Koalisi Perubahan")
F("ig", "profile_photo", "N01", "", "Jatim Pilgub campaign twibbon.", "pk_camp", loc="jatim", media="twibbon Khofifah-Emil nomor 2 'Jatim Berlari'")
F("fb", "profile_photo", "N01", "", "Old 2019 pro-Prabowo frame re-used during the 2024 campaign.", "nom", media="bingkai foto '#2019PrabowoPresiden' yang diedit menjadi '2024 Prabowo Presiden'")

# ---------------------------------------------------------------- N04: likes of winning-team / candidate content
F("ig", "like", "N04", "", "Like on the 02 campaign account.", "camp", tgt=on("ig:prabowogibran.official", "Oke Gas! Prabowo-Gibran siap lanjutkan! #PrabowoGibran2024"))
F("ig", "like", "N04", "", "Like on the AMIN national team account.", "camp", tgt=on("ig:timnas.amin", "Desak Anies hadir di Makassar malam ini! #AMIN"))
F("ig", "like", "N04", "", "Like on the TPN 03 account.", "camp", tgt=on("ig:tpn.ganjarmahfud", "Gerak cepat, sat set! #GerakCepatGanjarMahfud"))
F("x", "like", "N04", "", "Like on the TKN 02 account.", "camp", tgt=on("x:tkn_prabowogibran", "Satu putaran, hemat anggaran! 🇮🇩"))
F("tt", "like", "N04", "", "Like on the AMIN TikTok account.", "camp", tgt=on("tt:amin.official", "joget Abah 😂 #AMIN"))
F("tt", "like", "N04", "", "Like on the 03 TikTok account; harmless caption does not matter.", "camp", tgt=on("tt:ganjarmahfud.official", "Ganjar ngopi bareng petani bawang Brebes ☕"))
F("tt", "like", "N04", "", "Like on the 02 TikTok account.", "camp", tgt=on("tt:prabowogibran2024", "Gemoy dance challenge 💃 siapa ikut?"))
F("ig", "like", "N04", "", "Like on a candidate's own account during the campaign.", "camp", tgt=on("ig:aniesbaswedan", "Terima kasih warga Medan, semangat perubahan!"))
F("ig", "like", "N04", "", "Like on the cawapres account during the campaign.", "camp", tgt=on("ig:gibran_rakabuming", "Blusukan di pasar pagi ini"))
F("ig", "like", "N04", "", "Candidate account during the campaign; a jogging caption still counts.", "camp", tgt=on("ig:ganjar_pranowo", "Lari pagi dulu bareng warga 🏃"))
F("ig", "like", "N04", "", "Like on a Jateng candidate's video with Prabowo's endorsement.", "2024-11-10T20:15:00", loc="jt", tgt=on("ig:luthfiyasinofficial", "Pesan Pak Prabowo untuk warga Jawa Tengah: mari dukung Luthfi-Yasin 🙏"))
F("ig", "like", "N04", "", "Like on Jateng pair 1 account.", "pk_camp", loc="jt", tgt=on("ig:andikahendi.official", "Andika-Hendi blusukan ke Pasar Johar"))
F("ig", "like", "N04", "", "Like on the @aniesbubble fan-project account.", "camp", tgt=on("ig:aniesbubble", "#SpotAbahAnies videotron di Bundaran HI 💙"))
F("x", "like", "N04", "", "Like on the AMIN X account.", "camp", tgt=on("x:timnasamin", "Indonesia Adil Makmur untuk Semua."))
F("x", "like", "N04", "", "Like on the TPN X account.", "camp", tgt=on("x:tpnganjarmahfud", "#GanjarPresidenRakyat trending!"))
F("x", "like", "N04", "", "Like on a candidate's post during recapitulation is still partisan.", "recap", tgt=on("x:prabowo", "Terima kasih rakyat Indonesia atas kepercayaannya."))
F("ig", "like", "N04", "", "Like on Ganjar's account after his declaration as bakal capres.", "pre23", tgt=on("ig:ganjar_pranowo", "Matur nuwun PDI Perjuangan atas amanahnya 🙏"))
F("ig", "like", "N04", "", "Like on Cak Imin's account during the campaign.", "camp", tgt=on("ig:cakiminnow", "Slepet! Anak muda harus berani 🔥"))
F("ig", "like", "N04", "", "Like on Mahfud's account after he became cawapres.", "camp", tgt=on("ig:mohmahfudmd", "Terima kasih warga Madura, kita menang!"))
F("fb", "like", "N07", "", "ASN likes her husband's caleg page; SE 18/2023 bans likes for the spouse.", "camp", tgt=on("fb:bambang.susilo.caleg", "Bambang Susilo untuk DPRD Kab. Jombang, nomor urut 2 PKB. Mohon doa restu.", "Bambang Susilo Caleg PKB"))
F("fb", "like", "N04", "", "Like on a volunteers' page post for 02.", "camp", tgt=on(None, "Relawan Prabowo-Gibran Kab. Garut siap menangkan 02 satu putaran!", "Relawan Prabowo-Gibran Kab. Garut"))
F("ig", "like", "N04", "", "Like on a Pilkada Jatim campaign post.", "pk_camp", loc="jatim", tgt=on("ig:khofifah.emil2024", "Khofifah-Emil nomor 2, Jatim makin berlari!", "Khofifah-Emil 2024"))
F("th", "like", "N04", "", "Threads like on the 02 campaign account.", "camp", tgt=on("th:prabowogibran.official", "Asta Cita untuk Indonesia Emas #PrabowoGibran2024"))
F("ig", "like", "N04", "", "Like on a winning-team post in the quiet period.", "tenang", tgt=on("ig:timnas.amin", "Tinggal 3 hari lagi. Jangan lupa 01! ☝️"))
F("fb", "like", "N02", "", "Like of a friend's campaign poster (campaign content, not a team account).", "camp", tgt=on("fb:rudi.hartono", "Ayo coblos 03 Ganjar-Mahfud!! sat set 🤟", "Rudi Hartono"))
F("yt", "like", "N04", "", "YouTube like on a campaign channel video.", "camp", tgt=on("yt:tpnganjarmahfud", "LIVE: Kampanye Akbar Ganjar-Mahfud di Semarang", "TPN Ganjar Mahfud"))

# ---------------------------------------------------------------- N04: comments on campaign accounts / N02 comments elsewhere
F("ig", "comment", "N04", "Mantap pak, lanjutkan!! 💪", "Supportive comment on the 02 campaign account.", "camp", tgt=on("ig:prabowogibran.official", "Prabowo-Gibran: Bersama Indonesia Maju"))
F("tt", "comment", "N04", "🔥🔥✌️", "Emoji-only comment with two fingers on a 02 campaign video.", "camp", tgt=on("tt:prabowogibran2024", "Oke Gas 2 official video"))
F("ig", "comment", "N04", "Semangat Abah, kami bersamamu 💙", "Support comment on Anies's account.", "camp", tgt=on("ig:aniesbaswedan", "Desak Anies Surabaya, siapa yang hadir?"))
F("ig", "comment", "N04", "Pak, kapan ke Kupang? ditunggu 🙏", "Benign question, but a comment on a candidate account in the campaign.", "camp", loc="ntt", tgt=on("ig:ganjar_pranowo", "Hari ini di Labuan Bajo"))
F("ig", "comment", "N04", "Izin share ya min 🙏", "Engagement with the AMIN team account.", "camp", tgt=on("ig:timnas.amin", "Poster resmi jadwal kampanye AMIN pekan ini"))
F("ig", "comment", "N04", "Sugeng rawuh Pak Luthfi ing Grobogan 🙏", "Welcome comment on a Jateng candidate account.", "pk_camp", loc="grobogan", tgt=on("ig:luthfiyasinofficial", "Silaturahmi dengan petani Grobogan"))
F("ig", "comment", "N04 N02", "Jateng butuh pemimpin tegas, gas Pak Jenderal!", "Campaign comment on Jateng pair 1 account.", "pk_camp", loc="jt", tgt=on("ig:andikahendi.official", "Andika-Hendi: Jateng Tambah Maju"))
F("x", "comment", "N04", "setuju bgt min 👍👍", "Agreement reply to the TKN account.", "camp", tgt=on("x:tkn_prabowogibran", "Program makan siang gratis akan dimulai tahun pertama."))
F("tt", "comment", "N04", "Abah keren parah 🥺", "Comment on the AMIN TikTok account.", "camp", tgt=on("tt:amin.official", "Abah main gitar 🎸"))
F("x", "comment", "N04", "Pak Mahfud idola saya sejak dulu 🙏", "Comment on cawapres 03 during the campaign.", "camp", tgt=on("x:tpnganjarmahfud", "El Profesor menjawab pertanyaan netizen"))
F("ig", "comment", "N02", "Yg 03 paling menguasai materi, fix pilih 03 🤟", "Own campaign words posted under a news account.", "camp", tgt=on("ig:kompascom", "Debat capres kelima: adu gagasan soal pendidikan dan kesehatan"))
F("fb", "comment", "N02", "siap bos, 02 ✌️", "Endorses a friend's campaign poster.", "camp", tgt=on("fb:agus.wibowo", "Saya pilih Prabowo-Gibran. Kamu?", "Agus Wibowo"))
F("x", "comment", "N02", "mending Abah lah drpd yg gemoy itu", "Reply on a news thread that promotes 01.", "camp", tgt=on("x:detikcom", "Survei terbaru elektabilitas capres Januari 2024"))
F("fb", "comment", "N02", "4 jari pokoknya 🖐️ minus 1", "Anti-02 code in a comment.", "camp", tgt=on("fb:info.kota.medan", "Jelang pencoblosan, warga Medan bersiap", "Info Kota Medan"))
F("wa", "comment", "N10", "Setuju pak, kita arahkan keluarga masing2 ke nomor 2 ya", "Reply in office group agreeing to steer families to a Jateng pair.", "pk_camp", loc="jt", tgt=on(None, "Bpk/Ibu staf, Pilgub tinggal sebulan, jangan lupa yg sudah kita bahas kemarin", "Staf Bappeda Jateng"))
F("yt", "comment", "N04", "Semoga menang pak, rakyat kecil butuh bapak 🙏", "Support comment on a campaign live stream.", "camp", tgt=on("yt:prabowogibran.official", "LIVE Kampanye Akbar GBK Prabowo-Gibran", "Prabowo Gibran Official"))
F("ig", "comment", "N04", "Gus Imin slepet teruss 😂🔥", "Comment on Cak Imin's account.", "camp", tgt=on("ig:cakiminnow", "Pagi-pagi sudah di pasar"))
F("th", "comment", "N02", "Satu putaran! 🇮🇩", "Pro-02 slogan as a reply on Threads.", "camp", tgt=on("th:warga.netizen", "Menurut kalian pilpres dua putaran gak?", "warga netizen"))

# ---------------------------------------------------------------- N04/N02: shares
F("ig", "share", "N04", "", "Plain share of a 02 campaign post.", "camp", tgt=on("ig:prabowogibran.official", "Program makan siang gratis untuk anak sekolah! #PrabowoGibran2024"))
F("tt", "share", "N04", "wajib nonton 👀", "Shares an AMIN campaign video.", "camp", tgt=on("tt:amin.official", "Visi misi AMIN dalam 60 detik"))
F("x", "share", "N04 N02", "sat set!", "Quote-share of the TPN account.", "camp", tgt=on("x:tpnganjarmahfud", "Ganjar-Mahfud: KTP Sakti untuk bansos tepat sasaran"))
F("wa", "share", "N04", "", "Forwards a volunteers' poster to WA status.", "camp", tgt=on(None, "Poster: Relawan Prabowo-Gibran Kab. Garut - Coblos 02 14 Februari", "Relawan Prabowo-Gibran Kab. Garut"))
F("fb", "share", "N04", "", "Shares Prabowo's endorsement video from a Jateng candidate account.", "2024-11-09T21:05:00", loc="jt", tgt=on("ig:luthfiyasinofficial", "Pesan Pak Prabowo: pilih Luthfi-Yasin untuk Jawa Tengah"))
F("fb", "share", "N02", "wkwk bener jg", "Shares a partisan meme from a non-team account.", "camp", tgt=on("fb:meme.politik.id", "Meme: 'Abah menang, harga cabe turun' ☝️", "Meme Politik ID"))
F("x", "share", "N02", "nah ini baru mantap, 02 💪", "Shares news but adds own campaign line.", "camp", tgt=on("x:detikcom", "Prabowo janji lanjutkan hilirisasi jika terpilih"))
F("ig", "share", "N04", "", "Story-share of an AMIN fan project post.", "camp", tgt=on("ig:aniesbubble", "Voting videotron minggu ini, pilih lokasinya! #SpotAbahAnies"))
F("fb", "share", "N04", "Jateng butuh sing iki 👇", "Shares a Jateng candidate's post with endorsement.", "pk_camp", loc="jt", tgt=on("ig:andikahendi.official", "Program Andika-Hendi: sekolah gratis SMA/SMK"))
F("wa", "share", "N04", "", "Forwards a Jateng pair 2 campaign video to an alumni group.", "pk_tenang", loc="jt", tgt=on("ig:luthfiyasinofficial", "Luthfi-Yasin: Jateng aman, Jateng maju. Nomor 2!"))
F("th", "share", "N04", "", "Repost of the 03 campaign account.", "camp", tgt=on("th:tpn.ganjarmahfud", "Gerak Cepat Ganjar-Mahfud di Papua"))
F("yt", "share", "N04", "", "Shares a campaign channel video.", "camp", tgt=on("yt:timnasamin", "Desak Anies Yogyakarta full", "Timnas AMIN"))
F("fb", "share", "N02", "Share ke sebanyak2nya!! 🔁", "Asks others to spread a pro-03 video.", "camp", tgt=on("fb:ganjaristi.bekasi", "Video: 10 alasan pilih Ganjar-Mahfud", "Ganjaristi Bekasi"))
F("x", "share", "N04", "", "Repost of the AMIN account's anti-02 post.", "camp", tgt=on("x:timnasamin", "Jangan biarkan dinasti. 14 Februari, pilih perubahan."))
F("ig", "share", "N04", "", "Story-share of the 02 account's quiet-period video.", "tenang", tgt=on("ig:prabowogibran.official", "Terima kasih relawan, sampai jumpa di TPS"))
F("wa", "share", "N02", "👍👍", "Forwards a pro-Khofifah broadcast to a family group.", "pk_camp", loc="jatim", tgt=on(None, "Broadcast: Pilih Khofifah-Emil nomor 2, Jatim tetap berlari", "Keluarga Besar Bani Sholeh"))

# ---------------------------------------------------------------- N04: follows of campaign accounts
for _acct, _name, _when, _loc in [
    ("ig:timnas.amin", "Timnas AMIN", "camp", None),
    ("x:timnasamin", "Timnas AMIN", "camp", None),
    ("tt:amin.official", "AMIN Official", "camp", None),
    ("ig:aniesbubble", "Anies Bubble", "camp", None),
    ("ig:prabowogibran.official", "Prabowo Gibran Official", "camp", None),
    ("x:tkn_prabowogibran", "TKN Prabowo-Gibran", "nom", None),
    ("tt:prabowogibran2024", "Prabowo Gibran 2024", "camp", None),
    ("ig:tpn.ganjarmahfud", "TPN Ganjar-Mahfud", "camp", None),
    ("x:tpnganjarmahfud", "TPN Ganjar Mahfud", "camp", None),
    ("tt:ganjarmahfud.official", "Ganjar Mahfud Official", "camp", None),
    ("ig:andikahendi.official", "Andika Hendi Official", "pk_camp", "jt"),
    ("ig:luthfiyasinofficial", "Luthfi Yasin Official", "pk_camp", "jt"),
    ("ig:aniesbaswedan", "Anies Baswedan", "camp", None),
    ("ig:cakiminnow", "Muhaimin Iskandar", "nom", None),
    ("x:prabowo", "Prabowo Subianto", "camp", None),
    ("x:ganjarpranowo", "Ganjar Pranowo", "tenang", None),
    ("x:aniesbaswedan", "Anies Baswedan", "pre23", None),
]:
    _plat = _acct.split(":")[0]
    _why = "Follows a winning-team or candidate account." if _when != "pre23" else "Follows a declared bakal capres (participants include bakal calon)."
    F(_plat, "follow", "N04", "", _why, _when, loc=_loc, tgt=acc(_acct, _name))
F("ig", "follow", "N04", "", "Follows a Pilkada Jatim pair's campaign account.", "pk_camp", loc="jatim", tgt=acc("ig:khofifah.emil2024", "Khofifah-Emil 2024"))
F("fb", "follow", "N04", "", "Follows a volunteers' page for 03.", "camp", tgt=acc("fb:relawan.ganjarmahfud.kendal", "Relawan Ganjar-Mahfud Kab. Kendal"))
F("ig", "follow", "N04", "", "Follows a Blora pair's campaign account.", "pk_camp", loc="blora", tgt=acc("ig:asri.blora2024", "ASRI Blora 2024 - Tim Pemenangan"))

# ---------------------------------------------------------------- N04: joining winning-team groups
for _name, _plat, _when, _loc in [
    ("Relawan AMIN Kab. Bekasi", "wa", "camp", None),
    ("Tim Pemenangan AMIN", "wa", "nom", None),
    ("Relawan Prabowo-Gibran Kota Medan", "fb", "camp", None),
    ("TKN Prabowo Gibran Kec. Cibinong", "wa", "camp", None),
    ("Relawan Ganjar-Mahfud Jateng", "fb", "camp", None),
    ("Relawan Ganjar-Mahfud Kab. Kendal", "wa", "tenang", None),
    ("Sahabat Luthfi-Yasin Blora", "wa", "pk_camp", "blora"),
    ("Relawan Andika-Hendi Kota Semarang", "wa", "pk_camp", "jt"),
    ("Relawan AMIN Kab. Bima", "fb", "camp", None),
    ("Relawan Prabowo-Gibran Emak-Emak Militan", "fb", "camp", None),
    ("Tim Pemenangan ASRI Kec. Todanan", "wa", "pk_pre", "blora"),
]:
    F(_plat, "join_group", "N04", "", "Joins a winning-team group.", _when, loc=_loc, tgt=grp(_name))
F("fb", "join_group", "N04", "", "Fan group for 01 under a nickname is still a winning-team group.", "camp", tgt=grp("Pendukung Abah Se-Sumatera ☝️"))
F("fb", "join_group", "N04", "", "Coded group name for 02 volunteers.", "camp", tgt=grp("Barisan Gemoy Oke Gas Jawa Barat"))
F("tt", "join_group", "N04", "", "Joins a TikTok fan community of the 03 campaign.", "camp", tgt=grp("Sat Set Squad Ganjar-Mahfud", "tt:ganjarmahfud.official"))
F("wa", "join_group", "N04", "", "Joins a pro-01 group before determination (bakal calon).", "pre23", tgt=grp("Relawan Anies Presiden 2024 Kab. Bogor"))
F("wa", "join_group", "N04", "", "Joins a Jatim candidate volunteers' group.", "pk_camp", loc="jatim", tgt=grp("Relawan Khofifah-Emil Surabaya"))

# ---------------------------------------------------------------- Pilkada voting day and after; YouTube
F("wa", "post", "N02", "Sampun nyoblos nomer 2, mugi Pak Luthfi menang 🤲✌️", "Voting-day status naming the chosen Jateng pair.", "pk_vote", loc="jt", media="jari kelingking bertinta ungu dengan pose dua jari")
F("ig", "post", "N05", "Alhamdulillah menang! 🎉", "Victory-party photo with the Jateng winner and two fingers after the vote.", "pk_after", loc="jt", media="foto pemilik akun di acara syukuran kemenangan Luthfi-Yasin, pose dua jari bersama tim pemenangan")
F("fb", "post", "N02 N10", "Syukuran kemenangan ABDI nanti malam di rumah Pak Kades, sedulur ASN monggo rawuh", "Invites ASN to a Blora candidate's victory party.", "pk_after", loc="blora")
F("yt", "post", "N02", "Cover lagu Oke Gas versi keroncong 🎻 jangan lupa nomor 2", "Campaign song cover with the number during the Pilpres campaign.", "camp", media="video pemilik akun bernyanyi dengan gitar, latar poster Prabowo-Gibran")
F("yt", "comment", "N04", "Jateng butuh Pak Andika 🙏", "Support comment on a Jateng candidate's channel.", "pk_camp", loc="jt", tgt=on("yt:andikahendi.official", "Debat Pilgub Jateng: closing statement Andika-Hendi", "Andika Hendi Official"))
F("x", "post", "N02", "quick count Jakarta blm final, tp RIDO pasti menang ☝️ tetap kawal!", "Partisan post on Pilkada voting day.", "pk_vote", loc="dki")
