/**
 * Every page request: the reader's language (a `?lang=` link sets it and comes back without it), who is
 * signed in (auth.me), the page's `lang` attribute, and the API's Set-Cookie headers passed on as the API
 * wrote them (HttpOnly, SameSite=Strict, Secure when configured: the API's cookie, not the pages').
 */
import { type Handle, type HandleServerError, redirect } from "@sveltejs/kit";
import { htmlLang, isLanguage, LANGUAGE_COOKIE, LANGUAGE_PARAM, languageOf } from "$lib/i18n/language.js";
import { currentUser } from "$lib/server/session.js";

const ONE_YEAR = 60 * 60 * 24 * 365;

export const handle: Handle = async ({ event, resolve }) => {
  event.locals.apiCookies = [];
  const asked = event.url.searchParams.get(LANGUAGE_PARAM);
  if (event.request.method === "GET" && isLanguage(asked)) {
    event.cookies.set(LANGUAGE_COOKIE, asked, {
      path: "/",
      maxAge: ONE_YEAR,
      httpOnly: true,
      sameSite: "lax",
      secure: event.url.protocol === "https:",
    });
    const back = new URL(event.url);
    back.searchParams.delete(LANGUAGE_PARAM);
    redirect(303, `${back.pathname}${back.search}`);
  }
  event.locals.lang = languageOf(event.cookies.get(LANGUAGE_COOKIE));
  event.locals.user = await currentUser(event);
  const lang = htmlLang(event.locals.lang);
  const response = await resolve(event, {
    // app.html says zh-CN, the default; the reader's choice replaces it.
    transformPageChunk: ({ html }) => html.replace('<html lang="zh-CN">', `<html lang="${lang}">`),
  });
  for (const cookie of event.locals.apiCookies) response.headers.append("set-cookie", cookie);
  return response;
};

/** A page that does not exist is no fault to log; anything else is, with the reader told only the status. */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
  if (status !== 404) console.error(`liuhen web: ${event.request.method} ${event.url.pathname}`, error);
  return { message };
};
