/* mode_render.c: placeholder until the render module lands. */
#include "app/cli.h"
int mode_render(int argc, char **argv, const struct cli_common *common)
{
    (void)argc; (void)argv; (void)common;
    return CLI_FAIL;
}
int mode_run(int argc, char **argv, const struct cli_common *common)
{
    (void)argc; (void)argv; (void)common;
    return CLI_FAIL;
}
