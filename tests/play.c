/* play.c: render scripts and state dumps for tests (see play.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "play.h"

bool play_script(const char *dir, const char *name, const char *args,
                 const char *size, const char *script)
{
    char path[1024], cmd[4096];
    snprintf(path, sizeof path, "%s/%s.script", dir, name);
    FILE *f = fopen(path, "w");
    if (!CHECK(f != NULL, "%s: the script is written", name))
        return false;
    fputs(script, f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "build/test/kiosk %s render --size %s "
             "--script '%s' --out '%s' 2>'%s/%s.err'", args, size, path,
             dir, dir, name);
    return CHECK(system(cmd) == 0, "%s: the script plays", name);
}

json_t *play_state(const char *dir, const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s.json", dir, name);
    json_error_t e;
    json_t *j = json_load_file(path, 0, &e);
    CHECK(j != NULL, "%s.json is JSON (%s)", name, j ? "" : e.text);
    return j ? j : json_object();
}

const char *play_str(json_t *j, const char *key)
{
    const char *s = json_string_value(json_object_get(j, key));
    return s ? s : "(null)";
}

long play_int(json_t *j, const char *key)
{
    return (long)json_integer_value(json_object_get(j, key));
}

bool play_has_target(json_t *j, const char *id)
{
    json_t *t = json_object_get(j, "targets"), *v;
    size_t i;
    json_array_foreach(t, i, v) {
        const char *s = json_string_value(json_object_get(v, "id"));
        if (s && strcmp(s, id) == 0)
            return true;
    }
    return false;
}

const char *play_choose_lang(const char *dir, const char *args,
                             const char *size, const char *lang,
                             bool *chooser)
{
    char id[32];
    *chooser = false;
    if (!play_script(dir, "probe", args, size,
                     "wait 600\ntap 10 10\nwait 400\nstate home\n"))
        return "";
    json_t *st = play_state(dir, "home");
    snprintf(id, sizeof id, "lang:%s", lang);
    *chooser = !play_has_target(st, id) &&
               play_has_target(st, "nav:language");
    json_decref(st);
    return *chooser ? "tap-id nav:language\nwait 300\nshot chooser\n" : "";
}
