/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Numbers for the reader: the decimal mark of the interface's language,
 * long whole parts grouped, lists that cannot be misread. */
#include "config.h"

#include <locale.h>

#include <glib/gi18n-lib.h>

#include "waymark-number.h"

static void
set_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_ALL, "");
}

static void
assert_format (const char *number,
               const char *expected)
{
  g_autofree char *shown = waymark_number_format (number);

  g_assert_cmpstr (shown, ==, expected);
}

static void
assert_format_double (double      value,
                      guint       decimals,
                      const char *expected)
{
  g_autofree char *shown = waymark_number_format_double (value, decimals);

  g_assert_cmpstr (shown, ==, expected);
}

static void
test_english (void)
{
  set_language ("en");
  g_assert_cmpstr (waymark_number_get_decimal_mark (), ==, ".");
  g_assert_cmpstr (waymark_number_get_list_separator (), ==, ", ");
  assert_format ("38.50", "38.50");
  assert_format ("0.031", "0.031");
  assert_format ("2150", "2150");
  assert_format ("185000", "185\u202f000");
  assert_format ("-1234567.25", "-1\u202f234\u202f567.25");
  assert_format_double (3.4, 1, "3.4");
  assert_format_double (87.0, 0, "87");
  assert_format_double (2.0, 1, "2");
  assert_format_double (-0.01, 1, "0");
}

static void
test_german (void)
{
  set_language ("de");
  g_assert_cmpstr (waymark_number_get_decimal_mark (), ==, ",");
  /* "0,9, 4,1 %" could be three numbers or two: never a comma. */
  g_assert_cmpstr (waymark_number_get_list_separator (), ==, "; ");
  assert_format ("38.50", "38,50");
  assert_format ("22.00", "22,00");
  assert_format ("3.4", "3,4");
  assert_format ("-0.5", "-0,5");
  assert_format ("185000", "185\u202f000");
  assert_format_double (4.1, 1, "4,1");
  assert_format_double (0.9, 1, "0,9");
  set_language ("en");
}

static void
test_not_numbers (void)
{
  /* Text that is no decimal of the format stays as it is. */
  set_language ("de");
  assert_format ("about 5", "about 5");
  assert_format ("1e5", "1e5");
  assert_format ("", "");
  assert_format (NULL, "");
  set_language ("en");
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("WAYMARK_LOCALEDIR");

  setlocale (LC_ALL, "");
  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/number/english", test_english);
  g_test_add_func ("/number/german", test_german);
  g_test_add_func ("/number/not-numbers", test_not_numbers);

  return g_test_run ();
}
