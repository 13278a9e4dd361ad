/* The floor: libyaml's event parser over a file, counting mappings and scalars, nothing else.
   pactum's check time is compared with this (bench/run.sh). Build: cc -O2 yaml_floor.c -lyaml */
#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: yaml_floor FILE.yaml\n");
    return 2;
  }
  FILE* in = fopen(argv[1], "rb");
  if (!in) {
    perror(argv[1]);
    return 2;
  }
  static char buffer[1 << 20];
  setvbuf(in, buffer, _IOFBF, sizeof buffer);
  yaml_parser_t parser;
  if (!yaml_parser_initialize(&parser)) return 2;
  yaml_parser_set_input_file(&parser, in);
  unsigned long mappings = 0, scalars = 0;
  for (;;) {
    yaml_event_t event;
    if (!yaml_parser_parse(&parser, &event)) {
      fprintf(stderr, "%s: parse error: %s\n", argv[1], parser.problem ? parser.problem : "?");
      return 2;
    }
    int type = event.type;
    if (type == YAML_MAPPING_START_EVENT) ++mappings;
    if (type == YAML_SCALAR_EVENT) ++scalars;
    yaml_event_delete(&event);
    if (type == YAML_STREAM_END_EVENT) break;
  }
  yaml_parser_delete(&parser);
  fclose(in);
  printf("%lu mappings, %lu scalars\n", mappings, scalars);
  return 0;
}
