package org.anju.field;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The field page at {@code /field/}: static, and open without a login, so that the phone can load it from its
 * service worker with no network; everything it shows comes from {@code /api/field}, which needs the login.
 */
@Controller
class FieldPage {

  @GetMapping("/field")
  String redirect() {
    return "redirect:/field/";
  }

  @GetMapping("/field/")
  String page() {
    return "forward:/field/index.html";
  }
}
