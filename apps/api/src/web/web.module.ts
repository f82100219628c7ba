import { DynamicModule, Logger, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { webDir } from '../../../../libs/embedded/src';
import { ApiErrorsFirstModule } from './api-errors-first';

/**
 * The web app at `/`: its files, and index.html for every client-side route. `/api`, `/docs`,
 * `/health` and `/metrics` stay the API's. Without a build (tests from source) the API runs on without it.
 */
@Module({})
export class WebModule {
  static register(): DynamicModule {
    const root = webDir();
    if (!existsSync(join(root, 'index.html'))) {
      new Logger('web').warn(`no web app in ${root} (run \`npm run build\`); serving the API only`);
      return { module: WebModule };
    }
    return {
      module: WebModule,
      imports: [
        ApiErrorsFirstModule,
        ServeStaticModule.forRoot({
          rootPath: root,
          exclude: ['/api/{*rest}', '/docs/{*rest}', '/docs', '/health', '/metrics'],
          serveStaticOptions: {
            // Hashed assets never change; index.html must be fetched fresh to find new ones.
            setHeaders: (res: { setHeader(name: string, value: string): void }, path: string) => {
              res.setHeader(
                'Cache-Control',
                basename(path) === 'index.html'
                  ? 'no-cache'
                  : 'public, max-age=31536000, immutable',
              );
            },
          },
        }),
      ],
    };
  }
}
