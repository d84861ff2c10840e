#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>

// The node types of the table and strikethrough extensions are variables that
// libcmark-gfm-extensions sets when it registers them; its installed headers do not declare
// them. Reading them through functions keeps Swift from seeing mutable C globals.

static inline cmark_node_type lessons_cmark_node_table(void) {
    extern cmark_node_type CMARK_NODE_TABLE;
    return CMARK_NODE_TABLE;
}

static inline cmark_node_type lessons_cmark_node_table_row(void) {
    extern cmark_node_type CMARK_NODE_TABLE_ROW;
    return CMARK_NODE_TABLE_ROW;
}

static inline cmark_node_type lessons_cmark_node_table_cell(void) {
    extern cmark_node_type CMARK_NODE_TABLE_CELL;
    return CMARK_NODE_TABLE_CELL;
}

static inline cmark_node_type lessons_cmark_node_strikethrough(void) {
    extern cmark_node_type CMARK_NODE_STRIKETHROUGH;
    return CMARK_NODE_STRIKETHROUGH;
}
