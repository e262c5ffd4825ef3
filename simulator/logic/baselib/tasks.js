(function (W, g) { 'use strict'; })(__wxsim, globalThis);
