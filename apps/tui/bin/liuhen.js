#!/usr/bin/env node
// The `liuhen` command runs the built CLI; `npm install` builds it (the root `prepare` script).
import "../dist/main.js";
