/* staff_text.c: the staff panel's words (see staff_text.h). */
#include "ui/staff_text.h"

/* zh, en, ug -- the order of enum text_lang. */
static const char *const text[UI_ST_COUNT][TEXT_LANG_COUNT] = {
    [UI_ST_TITLE] = {"工作人员", "Staff", "خىزمەتچىلەر"},
    [UI_ST_ENTER_PIN] = {"请输入工作人员密码", "Enter the staff PIN",
                         "خىزمەتچى پارولىنى كىرگۈزۈڭ"},
    [UI_ST_WRONG] = {"密码错误。还可尝试 {n} 次。",
                     "Wrong PIN. {n} tries left.",
                     "پارول خاتا. يەنە {n} قېتىم سىناشقا بولىدۇ."},
    [UI_ST_LOCKED] = {"错误次数过多。请 {seconds} 秒后再试。",
                      "Too many wrong PINs. Try again in {seconds} s.",
                      "خاتا پارول بەك كۆپ. {seconds} سېكۇنتتىن كېيىن "
                      "قايتا سىناڭ."},
    [UI_ST_NO_PIN] = {"未设置工作人员密码：请在 /etc/kiosk/kiosk.conf 中"
                      "添加 staff-pin-hash（见 README）。",
                      "No staff PIN is set: add staff-pin-hash to "
                      "/etc/kiosk/kiosk.conf (see the README).",
                      "خىزمەتچى پارولى بەلگىلەنمىگەن: /etc/kiosk/kiosk.conf "
                      "ھۆججىتىگە staff-pin-hash قوشۇڭ (README نى كۆرۈڭ)."},
    [UI_ST_PIN_CHECKING] = {"正在核对密码…", "Checking the PIN…",
                            "پارول تەكشۈرۈلۈۋاتىدۇ…"},
    [UI_ST_PIN_FAILED] = {"无法核对密码：见系统日志。",
                          "The PIN could not be checked: see the journal.",
                          "پارولنى تەكشۈرگىلى بولمىدى: خاتىرىنى كۆرۈڭ."},
    [UI_ST_PIN_OLD_HASH] = {"工作人员密码仍以旧的弱方式保存：请用 kiosk "
                            "staff-pin-hash --set /etc/kiosk/kiosk.conf "
                            "重新设置（见 README）。",
                            "The staff PIN is stored the old, weak way: set "
                            "it again with kiosk staff-pin-hash --set "
                            "/etc/kiosk/kiosk.conf (see the README).",
                            "خىزمەتچى پارولى كونا، ئاجىز ئۇسۇلدا "
                            "ساقلانغان: kiosk staff-pin-hash --set "
                            "/etc/kiosk/kiosk.conf بىلەن قايتا بەلگىلەڭ "
                            "(README نى كۆرۈڭ)."},
    [UI_ST_CANCEL] = {"取消", "Cancel", "بىكار قىلىش"},
    [UI_ST_OK] = {"确定", "OK", "جەزملەش"},
    [UI_ST_CLEAR] = {"清除", "Clear", "تازىلاش"},
    [UI_ST_BACKSPACE] = {"退格", "Delete", "ئۆچۈرۈش"},
    [UI_ST_TAB_DIAG] = {"诊断", "Diagnostics", "دىياگنوز"},
    [UI_ST_TAB_STATS] = {"统计", "Statistics", "ستاتىستىكا"},
    [UI_ST_TAB_TOUCH] = {"触摸测试", "Touch test", "تېگىش سىنىقى"},
    [UI_ST_TAB_ACTIONS] = {"操作", "Actions", "مەشغۇلاتلار"},
    [UI_ST_CLOSE] = {"关闭", "Close", "تاقاش"},
    [UI_ST_VERSION] = {"程序版本", "Version", "پروگرامما نەشرى"},
    [UI_ST_RELEASE] = {"内容版本", "Release", "مەزمۇن نەشرى"},
    [UI_ST_CONTENT] = {"内容文件夹", "Content", "مەزمۇن قىسقۇچى"},
    [UI_ST_UPTIME] = {"运行时间", "Uptime", "ئىشلىگەن ۋاقىت"},
    [UI_ST_FRAMES] = {"帧时间", "Frame times", "كادىر ۋاقتى"},
    [UI_ST_MEMORY] = {"内存", "Memory", "ئىچكى ساقلىغۇچ"},
    [UI_ST_SCREEN] = {"屏幕", "Screen", "ئېكران"},
    [UI_ST_PROBLEM] = {"内容问题", "Content problem", "مەزمۇن مەسىلىسى"},
    [UI_ST_DISPLAY] = {"显示器", "Display", "كۆرسەتكۈچ"},
    [UI_ST_HOURS] = {"开放时间", "Opening hours", "ئېچىلىش ۋاقتى"},
    [UI_ST_MACHINE] = {"设备", "Machine", "ئۈسكۈنە"},
    [UI_ST_LAST_IMPORT] = {"最近一次导入", "Last import",
                           "ئاخىرقى قېتىملىق يېڭىلاش"},
    [UI_ST_NONE] = {"无", "none", "يوق"},
    [UI_ST_ROLLBACK] = {"回退到内容版本 {n}", "Roll back to release {n}",
                        "{n}-مەزمۇن نەشرىگە قايتىش"},
    [UI_ST_NO_ROLLBACK] = {"没有可回退的早期版本",
                           "No earlier release to roll back to",
                           "قايتقىلى بولىدىغان ئىلگىرىكى نەشر يوق"},
    [UI_ST_ROLLED_BACK] = {"已回退到内容版本 {n}。",
                           "Rolled back to release {n}.",
                           "{n}-مەزمۇن نەشرىگە قايتتى."},
    [UI_ST_ROLLBACK_FAILED] = {"回退失败：见系统日志。",
                               "The rollback failed: see the journal.",
                               "قايتىش مەغلۇپ بولدى: خاتىرىنى كۆرۈڭ."},
    [UI_ST_RESTART] = {"重新启动展品", "Restart the exhibit",
                       "كۆرگەزمىنى قايتا قوزغىتىش"},
    [UI_ST_CONSOLE] = {"退出到控制台", "Exit to the console",
                       "كونسولغا چىقىش"},
    [UI_ST_CONFIRM] = {"再点一次以确认", "Tap again to confirm",
                       "جەزملەش ئۈچۈن يەنە بىر قېتىم بېسىڭ"},
    [UI_ST_CHART_TITLE] = {"最近 14 天每天的参观次数",
                           "Visits per day, last 14 days",
                           "ئاخىرقى 14 كۈندىكى كۈندىلىك زىيارەت"},
    [UI_ST_VISITS] = {"共 {n} 次参观", "{n} visits", "جەمئىي {n} زىيارەت"},
    [UI_ST_AVG_VISIT] = {"平均每次 {seconds} 秒",
                         "{seconds} s per visit on average",
                         "ھەر قېتىملىق زىيارەت ئوتتۇرىچە {seconds} سېكۇنت"},
    [UI_ST_NO_STATS] = {"没有使用统计：未设置状态文件夹。",
                        "No usage statistics: there is no state folder.",
                        "ئىشلىتىش ستاتىستىكىسى يوق: ھالەت قىسقۇچى يوق."},
    [UI_ST_STATS_READING] = {"正在读取使用统计…",
                             "Reading the usage statistics…",
                             "ئىشلىتىش ستاتىستىكىسى ئوقۇلۇۋاتىدۇ…"},
    [UI_ST_TOUCH_HINT] = {"用一个或多个手指触摸屏幕任意位置。",
                          "Touch anywhere with one or more fingers.",
                          "ئېكراننىڭ خالىغان يېرىگە بىر ياكى بىرقانچە "
                          "بارماق بىلەن تېگىڭ."},
    [UI_ST_TOUCHES] = {"触摸点：{n}", "Touches: {n}", "تېگىش نۇقتىسى: {n}"},
};

const char *ui_staff_text(enum ui_staff_text id, enum text_lang lang)
{
    if ((unsigned)id >= UI_ST_COUNT || (unsigned)lang >= TEXT_LANG_COUNT)
        return "";
    const char *s = text[id][lang];
    return s ? s : text[id][TEXT_LANG_EN];
}
