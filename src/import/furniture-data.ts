/**
 * What Chinese article pages put around an article, as data: the labels of their publication
 * lines and 信息公开 tables, the roles of by-lines, breadcrumb separators, page buttons, and the
 * phrases of their heads and tails (portals, news sites, WeChat). The rules that read pages
 * (furniture.ts, segment.ts) know no phrase themselves; a new site's habit is a new entry here.
 */

/** What a labelled field gives the article. */
export type FieldKind =
  | 'date' // 发布时间: the publication date
  | 'written' // 成文日期: the date a document was signed, reported beside the publication date
  | 'source' // 来源
  | 'issuer' // 发文机关: the source when no 来源 is given
  | 'author'
  | 'photo' // 摄影: no field
  | 'editor' // 责任编辑: no field
  | 'views' // 浏览次数: a counter
  | 'uploader' // 发布者: the account that posted it
  | 'docNumber' // 发文字号
  | 'title' // 标题 in a 信息公开 table
  | 'catalogue' // 索引号, 主题分类…: a 信息公开 table's bookkeeping
  | 'buttons'; // 字号, 分享到, 打印…

/** Labels, each read with a colon after it: `发布时间：`, `来源:`. Longer names first within a kind. */
export const FIELD_LABELS: Record<FieldKind, readonly string[]> = {
  date: ['发布时间', '发布日期', '发表时间', '发表日期', '更新时间', '更新日期', '发文日期', '印发日期', '公开日期', '录入时间', '上传时间', '信息时间', '时间', '日期', '发布于'],
  written: ['成文日期', '成文时间'],
  source: ['信息来源', '稿件来源', '文章来源', '新闻来源', '本文来源', '内容来源', '来源', '稿源', '出处', '转载自', '转自'],
  issuer: ['发文机关', '发文单位', '发布机构', '发布单位', '公开责任部门', '责任部门'],
  author: ['作者', '撰稿人', '撰稿', '文字', '供稿人', '供稿', '记者', '通讯员', '文/图', '图文', '文'],
  photo: ['摄影', '图片', '摄像', '图', '视频'],
  editor: ['责任编辑', '网络编辑', '值班编辑', '编辑', '责编', '审核', '审校', '校对', '编审', '签发', '终审', '复审', '初审', '一审', '二审', '三审', '监制', '主编', '美编', '排版', '统筹', '策划'],
  views: ['浏览次数', '浏览量', '浏览', '点击次数', '点击数', '点击量', '点击率', '点击', '阅读次数', '阅读数', '阅读量', '阅读', '访问次数', '访问量', '人气', '热度', '查看次数'],
  uploader: ['发布者', '发布人', '发稿人', '录入者', '录入', '上传者', '信息员'],
  docNumber: ['发文字号', '发文号', '文号', '文件编号'],
  title: ['标题', '文件名称', '名称'],
  catalogue: ['索引号', '主题分类', '体裁分类', '组配分类', '服务对象', '分类', '有效性', '是否有效', '公开方式', '公开范围', '公开时限', '关键词', '主题词', '生效日期', '废止日期', '失效日期', '效力状态'],
  buttons: ['字号', '字体', '分享到', '分享', '打印', '关闭'],
};

/**
 * Values that say nothing: a CMS's default source or author (来源：未知, 作者：admin). The field
 * is left empty and the line reported.
 */
export const PLACEHOLDER_VALUES = /^(?:未知|不详|佚名|无|admin|administrator|管理员|系统管理员|网站管理员|本站编辑|--?|—+|-+|\/|暂无)$/i;

/** A counter the page fills in by script: digits, `--`, `次`, or nothing. */
export const COUNTER = /^(?:\d[\d,]*|-{1,3}|—{1,2}|…|\.\.\.)?\s*(?:次|人次|人)?$/;

/** Buttons: bracketed groups and runs of them: 【打印】【关闭窗口】[大][中][小] 【字号：大 中 小】. */
export const BUTTON_WORDS = [
  '打印本页', '打印此页', '打印文章', '打印正文', '打印', '关闭本页', '关闭窗口', '关闭', '收藏本页', '收藏', '加入收藏',
  '分享', '纠错', '我要纠错', '挑错', '返回顶部', '返回', '推荐', '大', '中', '小', '默认', '放大', '缩小', '我要评论', '评论',
  '字号', '字体', 'A+', 'A', 'A-', '繁体', '简体', '朗读', '语音播报', '视力保护色',
];

/** A font-size switch written out: 字号：大 中 小, 字体：小中大, 字号：A+ A A-. */
export const FONT_SWITCH = /(?:字号|字体|字体大小)\s*[:：]?\s*(?:[大中小默认]\s*){2,4}|(?:字号|字体)\s*[:：]?\s*(?:A[+-]?\s*){2,3}|【\s*(?:字号|字体)\s*[:：]?[^】]{0,12}】/g;

/** Breadcrumbs: the words that open one and the separators between its steps. */
export const BREADCRUMB_OPENERS = ['当前位置', '您当前的位置', '您的位置', '您所在的位置', '您现在的位置', '你的位置', '你所在的位置', '所在位置', '当前路径', '位置'];
export const BREADCRUMB_SEPARATORS = ['>>', '>', '＞', '»', '›', '→', '/', '／', '|', '-', '——'];
/** Steps of a breadcrumb that name no column. */
export const BREADCRUMB_NON_COLUMNS = /^(?:网站首页|首页|主页|正文|详情|内容|正文内容|详细内容|文章详情|新闻详情|信息详情|阅读文章|浏览文章|当前页)$/;

/** Class and id words of a breadcrumb element, a hint beside the text. */
export const BREADCRUMB_CLASS = /(?:^|[-_ ])(?:bread-?crumbs?|crumbs?|position|location|weizhi|dqwz|cur-?pos|current-?pos|lm-pos|path|route|daohang|place|wz)(?:$|[-_ ])/i;

/** By-line roles that name the article's author, and those that name somebody else. */
export const AUTHOR_ROLES = ['本报记者', '本台记者', '本刊记者', '本网记者', '特约记者', '见习记者', '实习记者', '融媒体记者', '记者', '特约通讯员', '通讯员', '实习生', '撰稿', '作者', '文/图', '文／图', '图/文', '图文', '文字', '文'];
export const OTHER_ROLES = ['摄影', '摄像', '图片', '图', '视频', '编辑', '责任编辑', '审核', '校对', '终审', '监制'];

/** Marks a by-line may start with: □本报记者, ■, ●. */
export const BYLINE_BULLETS = /^[□■●◎○◆◇]\s*/;

/** Lines that end an article: what follows is the page's tail. Whole lines, spaces ignored. */
export const TAIL_OPENERS = [
  // portals
  '打印本页', '关闭窗口', '打印', '关闭', '【打印本页】【关闭窗口】', '【打印】【关闭】', '【关闭本页】', '【关闭】',
  '扫一扫在手机打开当前页', '扫一扫在手机上查看当前页面', '扫一扫在手机上打开当前页', '手机扫一扫', '扫一扫分享',
  '相关链接', '相关文章', '相关新闻', '相关阅读', '相关稿件', '相关信息', '相关文件', '相关报道', '相关推荐', '延伸阅读',
  '推荐阅读', '热点推荐', '精彩推荐', '热门文章', '猜你喜欢', '本版新闻', '本版其他新闻', '上一篇', '下一篇', '上一条', '下一条',
  '返回目录', '返回列表', '返回顶部', '分享到', '分享让更多人看到', '【纠错】', '纠错', '我要纠错', '【我要纠错】',
  // news agencies' end mark
  '（完）', '(完)', '【完】',
];

/** WeChat's lines that end an article; they also tell a copied page is a WeChat article. */
export const WECHAT_TAIL = [
  '阅读原文', '预览时标签不可点', '微信扫一扫关注该公众号', '微信扫一扫', '喜欢此内容的人还喜欢', '往期推荐', '往期回顾', '往期精彩',
  '精选推荐', '点击阅读原文', '继续滑动看下一个', '向上滑动看下一个', '写留言', '留言', '收录于合集', 'END', '-END-', '—END—', '–END–',
];

/** Tail lines that start with these (上一篇：…, 分享到：…, 相关文件：…). */
export const TAIL_PREFIXES = ['上一篇', '下一篇', '上一条', '下一条', '分享到', '相关文件', '相关链接', '收录于合集', '阅读原文'];

/** Page footers: copyright, ICP and the site's owners. Matched at the start of a line. */
export const FOOTER_PREFIXES = [
  '版权所有', 'Copyright', 'copyright', '©', '主办单位', '主办：', '主办:', '承办单位', '承办：', '技术支持', '网站标识码', '网站地图', '联系我们',
  '关于我们', '使用帮助', '隐私声明', 'Powered by', '制作单位', '地址：', '邮编：', '联系电话', '设为首页', '加入收藏',
];
export const FOOTER_ANYWHERE = /ICP[备证]|公网安备|网站标识码|版权所有|All Rights Reserved|未经(?:书面)?授权/i;

/** Head furniture: links of a page's tool bar and navigation, which never start an article. */
export const NAV_WORDS = new Set([
  '首页', '网站首页', '主页', '长者模式', '老年模式', '适老版', '关怀版', '无障碍', '无障碍浏览', '无障碍阅读', '繁體', '繁体', '简体', 'English', '登录', '注册',
  '手机版', '移动版', '移动端', '微信', '微博', '网站导航', '网站地图', '跳转到主要内容区域', '跳到主要内容', '设为首页', '加入收藏', '搜索', '高级搜索',
  '智能问答', '政务服务', '政务公开', '互动交流', '信息公开', '新闻中心', '走进', '我要评论', '原创', '转载',
]);

/** WeChat's own words in and around an article: its header tag, its buttons, its follow prompts. */
export const WECHAT_FURNITURE = [
  '原创', '转载', '点击蓝字关注我们', '点击上方蓝字关注我们', '点击蓝字 关注我们', '关注我们', '点击上方蓝字', '▲点击上方蓝字关注我们',
  '长按二维码关注', '长按识别二维码', '扫码关注', '长按关注', '点个在看', '分享点赞在看', '点赞', '在看', '分享', '收藏', '赞', '听过', '取消', '允许',
  '知道了', '视频', '小程序', '使用小程序', '微信扫一扫使用小程序', '微信扫一扫可打开此内容，使用完整服务', '关注该公众号', '赞，轻点两下取消赞',
  '在看，轻点两下取消在看', '图片来源：网络', '图片来源网络', '素材来源：网络', '声明：图片来源网络', '喜欢作者',
];

/** A follow prompt in any wording: ↑点击上方“某某”关注我们, 点击蓝字 关注我们, 戳上方蓝字关注本号. */
export const WECHAT_FOLLOW = /^[↑▲△⬆☝👆\s]*(?:点击|戳|轻触)?.{0,14}(?:关注我们|关注本号|关注公众号|关注\s*我们|关注)[!！~～]*$/u;

/** The provinces and regions WeChat prints as a post's location (IP 属地). */
export const REGIONS = new Set(
  ('北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 ' +
    '内蒙古 广西 西藏 宁夏 新疆 香港 澳门 海外 中国').split(' '),
);

/** Labels of an editor's note. */
export const EDITOR_NOTE_LABELS = ['编者按', '编者的话', '编者语', '编前语', '编者注', '编辑按'];

/** Labels of an attachments list. */
export const ATTACHMENT_LABELS = ['附件下载', '相关附件', '附件'];

/** File extensions an attachment's name carries on a web page, which its title does not. */
export const ATTACHMENT_EXTENSIONS = /\.(?:docx?|wps|pdf|xlsx?|et|pptx?|dps|ofd|zip|rar|7z|txt|rtf|jpg|jpeg|png)$/i;

/** Site names above a title: 示例市人民政府, 示例网. */
export const SITE_NAME = /^.{1,16}(?:人民政府|政府网|网站|门户网站|网|客户端|公众号|官网|官方网站)$/;

/** Page labels that sit where a column name would, and are none: 正文, 新闻详情. */
export const NOT_COLUMNS = BREADCRUMB_NON_COLUMNS;

/** How the name of a body that issues documents ends: 示例县人民政府, 示例市教育局, 示例区委办公室. */
export const ISSUER_NAME = /(?:人民政府|政府|办公室|办公厅|委员会|局|厅|部|委|院|中心|公司|处|所|站|社|联合会|协会|学会|党委|党组|支部|总队|大队|管委会)$/;

/** A government body's name, which heads a site and names no column: 示例市发展和改革委员会, 示例县教育局. */
export const BODY_NAME = /^.{2,}(?:人民政府|政府|委员会|办公室|办公厅|管理局|局|厅)$/;

/** A 文号: 示政办发〔2025〕35号, 国发〔2025〕1号, 示政发[2025]9号. */
export const DOC_NUMBER = /^[\p{Script=Han}A-Za-z]{1,16}[〔[［(（]\s*\d{4}\s*[〕\]］)）]\s*第?\s*\d{1,5}\s*号$/u;

/** Lines after a 落款 that still belong to the document: （此件公开发布）. */
export const AFTER_SIGNATURE = /^[（(](?:此件|本件)[^）)]{0,12}[）)]$/;

/** A newspaper's edition line: 《 示例日报 》（ 2025年12月03日 04 版）, 第A03版：要闻. */
export const EDITION_LINE = /^(?:《\s*([^》]{1,20}?)\s*》\s*)?[（(]?\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)?\s*第?\s*[A-Z]?\d{1,3}\s*版(?:\s*[：:]\s*[\p{Script=Han}]{1,8})?\s*[）)]?$/u;
